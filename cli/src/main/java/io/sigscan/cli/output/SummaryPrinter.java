package io.sigscan.cli.output;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import io.sigscan.engine.ScanProblem;
import io.sigscan.engine.ScanSummary;
import io.sigscan.engine.correlate.CorrelationStats;
import io.sigscan.rules.model.RuleInfo;

/**
 * The one-screen account of a hunt, for the error stream: volume and throughput, rules, the
 * rules that matched most, correlation alerts, and the first input problems with the total count.
 */
public final class SummaryPrinter {
    static final int TOP_RULES = 10;

    private SummaryPrinter() {
    }

    public static void print(PrintWriter err, HuntReport report, List<ScanProblem> firstProblems) {
        ScanSummary scan = report.scan();
        err.printf(Locale.ROOT, "scanned %,d %s, %s, %,d events in %.2f s: %.1f MB/s, %,.0f events/s (%d %s)%n",
                scan.files(), scan.files() == 1 ? "file" : "files", size(scan.bytes()), scan.events(), scan.seconds(),
                report.megabytesPerSecond(), report.eventsPerSecond(), report.threads(),
                report.threads() == 1 ? "thread" : "threads");
        err.printf(Locale.ROOT, "rules: %,d loaded, %,d rejected, %,d %s%n", report.rulesLoaded(),
                report.rulesRejected(), report.ruleWarnings(), report.ruleWarnings() == 1 ? "warning" : "warnings");
        err.printf(Locale.ROOT, "matches: %,d%n", scan.matches());
        printCorrelations(err, report);
        List<RuleTally> tallies = report.tallies();
        for (int i = 0; i < tallies.size() && i < TOP_RULES; i++) {
            RuleTally tally = tallies.get(i);
            String level = tally.rule().level() == null ? "-" : tally.rule().level();
            err.printf(Locale.ROOT, "  %,10d  %-13s %s%n", tally.matches(), level, tally.rule().displayName());
        }
        if (tallies.size() > TOP_RULES) {
            err.printf(Locale.ROOT, "  (and %,d more rules with matches)%n", tallies.size() - TOP_RULES);
        }
        if (scan.errors() > 0) {
            err.printf(Locale.ROOT, "input errors: %,d%n", scan.errors());
            for (ScanProblem problem : firstProblems) {
                err.println("  " + problem);
            }
            if (scan.errors() > firstProblems.size()) {
                err.printf(Locale.ROOT, "  (and %,d more)%n", scan.errors() - firstProblems.size());
            }
        }
        err.flush();
    }

    /** Alerts per correlation, and the matches correlation hid or could not place in time. */
    private static void printCorrelations(PrintWriter err, HuntReport report) {
        if (report.correlations().isEmpty()) {
            return;
        }
        CorrelationStats stats = report.correlationStats();
        err.printf(Locale.ROOT, "correlation alerts: %,d (%,d written); %,d matches only fed correlations%n",
                stats.alerts(), stats.alertsWritten(), stats.suppressedMatches());
        for (int i = 0; i < report.correlations().size(); i++) {
            long alerts = stats.alertsPerCorrelation()[i];
            if (alerts > 0) {
                RuleInfo rule = report.correlations().get(i).info();
                err.printf(Locale.ROOT, "  %,10d  %-13s %s%n", alerts, rule.level() == null ? "-" : rule.level(),
                        rule.displayName());
            }
        }
        if (stats.untimedMatches() + stats.lateMatches() + stats.droppedEntries() > 0) {
            err.printf(Locale.ROOT, "  not correlated: %,d matches without a readable event time (see --time-field),"
                    + " %,d more than a timespan out of order, %,d beyond a group's window capacity%n",
                    stats.untimedMatches(), stats.lateMatches(), stats.droppedEntries());
        }
    }

    private static String size(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
