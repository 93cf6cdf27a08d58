package io.sigscan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.sigscan.rules.model.RuleInfo;

import picocli.CommandLine.Mixin;
import io.sigscan.engine.correlate.CorrelationOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Which rules a scanning command runs: {@code -r/--rules}, {@code --mapping},
 * {@code --placeholders}, {@code --strict}.
 */
final class RulesOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-r", "--rules"}, paramLabel = "PATH",
            description = "Sigma rule file, or directory searched recursively for .yml and .yaml files; repeatable."
                    + " Default: the rules bundled with sigscan.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Log-source mapping file replacing the built-in one (which events each Sigma log source"
                    + " means, and field renames).")
    Path mapping;

    @Mixin
    PlaceholdersOption placeholders;

    @Option(names = "--strict",
            description = "Do not scan when any rule is rejected: report the rule errors and exit 3."
                    + " Without it, rejected rules are reported and the others run.")
    boolean strict;

    /** Loads, compiles and reports; exits through {@link CliException} when nothing is left to run. */
    PreparedRules prepare(boolean verbose, Predicate<RuleInfo> selection) {
        return prepare(verbose, selection, CorrelationOptions.defaults());
    }

    /** {@link #prepare(boolean, Predicate)} with correlation rules reading event times as {@code correlations} says. */
    PreparedRules prepare(boolean verbose, Predicate<RuleInfo> selection, CorrelationOptions correlations) {
        PreparedRules prepared = PreparedRules.prepareFor(spec, rules, mapping, placeholders.file, selection,
                correlations);
        prepared.report(spec.commandLine().getErr(), verbose);
        if (strict && prepared.errors() > 0) {
            throw new CliException(ExitCodes.RULE_ERRORS, prepared.errors() + " rule "
                    + (prepared.errors() == 1 ? "error" : "errors") + "; not scanning because of --strict");
        }
        if (prepared.ruleSet().rules().isEmpty()) {
            throw new CliException(ExitCodes.RULE_ERRORS, prepared.unselected() > 0
                    ? "none of the rules loaded is selected; nothing to scan for"
                    : "no rule could be loaded; nothing to scan for");
        }
        return prepared;
    }
}
