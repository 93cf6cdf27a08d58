package io.sigscan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.sigscan.cli.select.RuleSelection;
import io.sigscan.rules.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sigscan lint}: loads and compiles rules and prints every problem, like a compiler. */
@Command(name = "lint",
        description = {
            "Checks Sigma rules and prints every problem.",
            "Loads and compiles the rules exactly as hunt does, prints each problem as",
            "  file:line:col: error|warning: message [kind]",
            "then a count line. Exits 0 when there is no error, 3 otherwise.",
        })
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Log-source mapping file replacing the built-in one.")
    Path mapping;

    @Mixin
    PlaceholdersOption placeholders;

    @Option(names = "--strict", description = "Fail (exit 3) on warnings too.")
    boolean strict;

    @Parameters(paramLabel = "RULES", arity = "0..*",
            description = "Rule files or directories (searched recursively for .yml/.yaml). Default: the bundled rules.")
    List<Path> rules = new ArrayList<>();

    @Override
    public Integer call() {
        PreparedRules prepared = PreparedRules.prepareFor(spec, rules, mapping, placeholders.file,
                RuleSelection.all());
        PrintWriter out = spec.commandLine().getOut();
        for (Problem problem : prepared.problems()) {
            out.println(problem);
        }
        long errors = prepared.errors();
        long warnings = prepared.warnings();
        out.printf("%d %s compiled, %d rejected: %d %s, %d %s%n", prepared.loaded(),
                prepared.loaded() == 1 ? "rule" : "rules", prepared.rejected(),
                errors, errors == 1 ? "error" : "errors", warnings, warnings == 1 ? "warning" : "warnings");
        out.flush();
        boolean failed = errors > 0 || (strict && warnings > 0);
        return failed ? ExitCodes.RULE_ERRORS : ExitCodes.NO_MATCH;
    }
}
