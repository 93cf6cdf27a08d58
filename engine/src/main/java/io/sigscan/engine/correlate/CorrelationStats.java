package io.sigscan.engine.correlate;

/**
 * What correlation did during one scan, for the summary and {@code --stats}.
 *
 * @param alertsPerCorrelation alerts raised, indexed like {@link Correlations#rules()} (hidden ones included)
 * @param alertsWritten        alerts passed on: those of correlations no other correlation hides
 * @param suppressedMatches    matches not passed on because a correlation without {@code generate} uses the rule
 * @param untimedMatches       matches of correlated rules without a readable event time, so not correlated
 * @param lateMatches          matches (or alerts) more than a timespan older than their group's newest, dropped
 * @param droppedEntries       window entries dropped because a group held too many
 */
public record CorrelationStats(long[] alertsPerCorrelation, long alertsWritten, long suppressedMatches,
                               long untimedMatches, long lateMatches, long droppedEntries) {

    public CorrelationStats {
        alertsPerCorrelation = alertsPerCorrelation.clone();
    }

    /** Nothing happened: for scans without correlations. */
    public static CorrelationStats none() {
        return new CorrelationStats(new long[0], 0, 0, 0, 0, 0);
    }

    public long alerts() {
        long total = 0;
        for (long alerts : alertsPerCorrelation) {
            total += alerts;
        }
        return total;
    }
}
