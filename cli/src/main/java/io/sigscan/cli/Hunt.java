package io.sigscan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import io.sigscan.cli.output.HuntReport;
import io.sigscan.cli.output.InputProblemReporter;
import io.sigscan.cli.output.RuleTally;
import io.sigscan.engine.MatchHandler;
import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.ScanProblem;
import io.sigscan.engine.ScanSummary;
import io.sigscan.engine.Scanner;

/** One scan of inputs with prepared rules, as {@code hunt} and {@code demo} run it. */
final class Hunt {
    /** Input problems printed as they arrive before the rest are only counted (unless verbose). */
    static final int SHOWN_INPUT_PROBLEMS = 100;

    private Hunt() {
    }

    /** What the scan did, and the first input problems for the summary. */
    record Outcome(HuntReport report, List<ScanProblem> firstProblems) {

        int exitCode() {
            return ExitCodes.ofScan(report.scan().matches(), report.scan().errors());
        }
    }

    /** Scans {@code inputs}, sends matches to {@code matches}, streams input problems to {@code err}. */
    static Outcome run(PreparedRules rules, List<Path> inputs, ScanOptions options, boolean verbose,
                       MatchHandler matches, PrintWriter err) {
        InputProblemReporter problems = new InputProblemReporter(err, verbose ? Long.MAX_VALUE : SHOWN_INPUT_PROBLEMS);
        Scanner scanner = new Scanner(rules.ruleSet(), options);
        ScanSummary summary = scanner.scan(inputs, matches, problems);
        HuntReport report = new HuntReport(summary, options.threads(), rules.loaded(), rules.rejected(), (int) rules.warnings(),
                RuleTally.of(rules.ruleSet(), summary.matchesPerRule()));
        return new Outcome(report, problems.first());
    }
}
