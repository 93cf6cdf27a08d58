package io.sigscan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.sigscan.cli.BundledRules;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.compile.RuleSetCompiler;
import io.sigscan.rules.load.RuleLoader;
import io.sigscan.rules.logsource.LogsourceMapping;
import io.sigscan.rules.model.SigmaRule;

/** The rule sets benchmarks compare, compiled with the built-in log-source mapping. */
final class RuleSets {
    /** Where the directory rule set is read from when the benchmark's parameter is empty. */
    static final String RULES_PROPERTY = "sigscan.rules";

    private RuleSets() {
    }

    /**
     * {@code none} (no rule: reading and projection only), {@code bundled} (the rules inside
     * sigscan) or {@code directory} (every rule under {@code directory}, or under the
     * {@value #RULES_PROPERTY} system property when it is empty).
     *
     * @throws IllegalStateException when the directory is not there, so that JMH reports this
     *                               benchmark as skipped with the reason and goes on with the others
     */
    static CompiledRuleSet compile(String ruleSet, String directory) throws IOException {
        List<SigmaRule> rules = new ArrayList<>();
        RuleLoader loader = RuleLoader.defaults();
        switch (ruleSet) {
            case "none" -> {
            }
            case "bundled" -> {
                for (BundledRules.RuleText text : BundledRules.all()) {
                    rules.addAll(loader.load(text.sourceName(), text.yaml()).rules());
                }
            }
            case "directory" -> rules.addAll(loader.load(List.of(ruleDirectory(directory))).rules());
            default -> throw new IllegalArgumentException("rule set " + ruleSet + ": expected none, bundled or directory");
        }
        return RuleSetCompiler.compile(rules, LogsourceMapping.builtIn()).ruleSet();
    }

    /**
     * {@code directory}, or the {@value #RULES_PROPERTY} system property when it is empty.
     *
     * @throws IllegalStateException when it is not a directory (JMH then reports the benchmark skipped)
     */
    static Path ruleDirectory(String directory) {
        String path = directory.isEmpty() ? System.getProperty(RULES_PROPERTY, "") : directory;
        if (path.isEmpty() || !Files.isDirectory(Path.of(path))) {
            throw new IllegalStateException("skipped: no rule directory '" + path + "'; pass -p rules=DIR or -D"
                    + RULES_PROPERTY + "=DIR (e.g. a SigmaHQ rules/windows folder)");
        }
        return Path.of(path);
    }
}
