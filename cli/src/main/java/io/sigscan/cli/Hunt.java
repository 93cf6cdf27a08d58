package io.sigscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.sigscan.cli.output.HuntReport;
import io.sigscan.cli.output.InputProblemReporter;
import io.sigscan.cli.output.RuleTally;
import io.sigscan.cli.select.EventTimeWindow;
import io.sigscan.engine.Match;
import io.sigscan.engine.MatchHandler;
import io.sigscan.engine.ScanListener;
import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.ScanProblem;
import io.sigscan.engine.ScanProblemHandler;
import io.sigscan.engine.ScanSummary;
import io.sigscan.engine.Scanner;
import io.sigscan.engine.correlate.CorrelatingMatchHandler;
import io.sigscan.engine.correlate.CorrelationAlertHandler;
import io.sigscan.engine.json.FieldProfile;
import io.sigscan.engine.time.EventTime;

/** One scan of inputs with prepared rules, as {@code hunt} and {@code demo} run it. */
final class Hunt {
    /** Input problems printed as they arrive before the rest are only counted (unless verbose). */
    static final int SHOWN_INPUT_PROBLEMS = 100;

    private Hunt() {
    }

    /** What the inputs are: whole files, or the ranges of an incremental run. */
    @FunctionalInterface
    interface Reading {
        ScanSummary scan(Scanner scanner, MatchHandler matches, ScanProblemHandler problems, ScanListener listener);

        static Reading of(List<Path> inputs) {
            return (scanner, matches, problems, listener) -> scanner.scan(inputs, matches, problems, listener);
        }
    }

    /**
     * How to scan and what to keep.
     *
     * @param from       keep matches of events at or after this time (null: no bound)
     * @param to         keep matches of events before this time (null: no bound)
     * @param timeFields where {@code from} and {@code to} read an event's time (see {@link EventTime})
     * @param profile    how JSON keys map onto Sigma field names (null: detected per file)
     */
    record Settings(int threads, boolean verbose, Instant from, Instant to, List<String> timeFields,
                    FieldProfile profile) {
    }

    /**
     * What the scan did, and the first input problems for the summary.
     *
     * @param untimed matches kept without an event time although --from or --to was given
     * @param windows the correlation windows still open at the end, for the next scheduled run
     */
    record Outcome(HuntReport report, List<ScanProblem> firstProblems, long untimed, String windows) {

        int exitCode() {
            return ExitCodes.ofScan(report.findingsWritten(), report.scan().errors());
        }
    }

    /**
     * Scans, sends the matches within the time window to {@code matches} and correlation alerts to
     * {@code alerts} (as correlated matches leave the reorder buffer: mostly after the scan, in
     * event-time order), streams input problems to {@code err}. Match counts are those of the
     * matches kept, including those only fed to correlations. The correlation windows an earlier
     * run left open in {@code carriedWindows} (null: none) are reopened first; when that file is
     * unreadable or damaged, a warning says so and the windows start empty.
     */
    static Outcome run(PreparedRules rules, Reading reading, Settings settings, MatchHandler matches,
                       CorrelationAlertHandler alerts, ScanListener listener, Path carriedWindows,
                       PrintWriter err) {
        InputProblemReporter problems = new InputProblemReporter(err,
                settings.verbose() ? Long.MAX_VALUE : SHOWN_INPUT_PROBLEMS);
        Scanner scanner = new Scanner(rules.ruleSet(), ScanOptions.defaults().withThreads(settings.threads())
                .withProfile(settings.profile()));
        CorrelatingMatchHandler correlating = rules.correlations().newHandler(matches, alerts);
        if (carriedWindows != null) {
            restore(correlating, carriedWindows, err);
        }
        KeptMatches kept = new KeptMatches(rules.ruleSet().rules().size(), correlating);
        EventTimeWindow window = settings.from() == null && settings.to() == null ? null
                : new EventTimeWindow(settings.from(), settings.to(), new EventTime(settings.timeFields()), kept);
        long budgetBefore = rules.ruleSet().regexBudgetExhaustions();
        ScanSummary scanned = reading.scan(scanner, window == null ? kept : window, problems, listener);
        warnOfRegexBudget(rules.ruleSet().regexBudgetExhaustions() - budgetBefore, err);
        correlating.finish();
        ScanSummary summary = new ScanSummary(scanned.files(), scanned.bytes(), scanned.events(), kept.total,
                scanned.errors(), kept.perRule, scanned.nanos());
        HuntReport report = new HuntReport(summary, settings.threads(), rules.loaded(), rules.rejected(),
                (int) rules.warnings(), RuleTally.of(rules.ruleSet(), summary.matchesPerRule()),
                rules.correlations().rules(), correlating.stats());
        return new Outcome(report, problems.first(), window == null ? 0 : window.untimed(),
                correlating.saveWindows());
    }

    /**
     * A regex RE2 cannot run (look-around, back-references) runs under a step budget, and a value
     * that spends it counts as not matching: said after the scan, so that a hostile value cannot
     * hide a match unnoticed.
     */
    private static void warnOfRegexBudget(long gaveUp, PrintWriter err) {
        if (gaveUp > 0) {
            err.printf(Locale.ROOT, "sigscan: warning: %,d value%s spent the step budget of a regex RE2 cannot run"
                    + " (look-around or back-reference) and counted as not matching%n", gaveUp, gaveUp == 1 ? "" : "s");
            err.flush();
        }
    }

    private static void restore(CorrelatingMatchHandler correlating, Path windows, PrintWriter err) {
        try {
            correlating.restoreWindows(Files.readString(windows, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            err.println("sigscan: warning: cannot reopen the correlation windows of " + windows + ": "
                    + e.getMessage() + "; correlation windows start empty");
            err.flush();
        }
    }

    /** Counts the matches that reach the output, per rule. */
    private static final class KeptMatches implements MatchHandler {
        private final long[] perRule;
        private final MatchHandler next;
        private long total;

        KeptMatches(int rules, MatchHandler next) {
            this.perRule = new long[rules];
            this.next = next;
        }

        @Override
        public void onMatch(Match match) {
            perRule[match.ruleIndex()]++;
            total++;
            next.onMatch(match);
        }
    }
}
