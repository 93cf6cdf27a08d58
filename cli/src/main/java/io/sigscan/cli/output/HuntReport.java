package io.sigscan.cli.output;

import java.util.List;

import io.sigscan.engine.ScanSummary;
import io.sigscan.engine.correlate.CorrelationStats;
import io.sigscan.rules.model.CorrelationRule;

/**
 * What a hunt did, for the summary and the statistics file.
 *
 * @param scan          what the engine read and found
 * @param threads       scan workers used
 * @param rulesLoaded   distinct rules that ran
 * @param rulesRejected rules (or rule documents) that could not be loaded or compiled
 * @param ruleWarnings  warnings about rules that still ran
 * @param tallies       matches per rule, most first, only rules that matched
 * @param correlations  the correlation rules that ran, indexed like {@code correlationStats}
 * @param correlationStats alerts per correlation, and the matches correlation hid or could not place
 */
public record HuntReport(ScanSummary scan, int threads, int rulesLoaded, int rulesRejected, int ruleWarnings,
                         List<RuleTally> tallies, List<CorrelationRule> correlations,
                         CorrelationStats correlationStats) {

    public HuntReport {
        tallies = List.copyOf(tallies);
        correlations = List.copyOf(correlations);
    }

    /** A report of a hunt without correlation rules. */
    public HuntReport(ScanSummary scan, int threads, int rulesLoaded, int rulesRejected, int ruleWarnings,
                      List<RuleTally> tallies) {
        this(scan, threads, rulesLoaded, rulesRejected, ruleWarnings, tallies, List.of(), CorrelationStats.none());
    }

    /** Matches and alerts written: rule hits hidden by correlations do not count, their alerts do. */
    public long findingsWritten() {
        return scan.matches() - correlationStats.suppressedMatches() + correlationStats.alertsWritten();
    }

    public double megabytesPerSecond() {
        return perSecond(scan.bytes() / 1e6);
    }

    public double eventsPerSecond() {
        return perSecond(scan.events());
    }

    private double perSecond(double amount) {
        double seconds = scan.seconds();
        return seconds > 0 ? amount / seconds : 0;
    }
}
