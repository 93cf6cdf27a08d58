package io.sigscan.cli.output;

import java.util.List;

import io.sigscan.engine.ScanSummary;

/**
 * What a hunt did, for the summary and the statistics file.
 *
 * @param scan          what the engine read and found
 * @param threads       scan workers used
 * @param rulesLoaded   distinct rules that ran
 * @param rulesRejected rules (or rule documents) that could not be loaded or compiled
 * @param ruleWarnings  warnings about rules that still ran
 * @param tallies       matches per rule, most first, only rules that matched
 */
public record HuntReport(ScanSummary scan, int threads, int rulesLoaded, int rulesRejected, int ruleWarnings,
                         List<RuleTally> tallies) {

    public HuntReport {
        tallies = List.copyOf(tallies);
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
