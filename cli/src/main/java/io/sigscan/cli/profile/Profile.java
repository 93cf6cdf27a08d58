package io.sigscan.cli.profile;

import java.util.Comparator;
import java.util.List;

/**
 * The result of profiling a rule set on a sample: the measured time of a plain scan, and the
 * parts it is explained by — reading and projecting events (measured by a scan without rules),
 * choosing candidates (pre-filter and log-source conditions), each rule's predicates and
 * recording matches (rendering each matching event once; all three measured by a timed scan).
 * The parts are measured separately, so their sum differs from the plain scan's time by the
 * measurement error, which {@link #discrepancy()} states.
 *
 * @param files          files in the sample
 * @param bytes          bytes in the sample
 * @param events         events in the sample
 * @param measuredNanos  one plain scan of the sample, after a warm-up scan
 * @param readingNanos   one scan with the same fields and no rule
 * @param candidateNanos pre-filter and log-source conditions, in the timed scan
 * @param matchNanos     recording matches, in the timed scan
 * @param clockNanos     cost of one clock reading, subtracted from every timed step
 * @param rules          each rule's cost, most expensive first
 */
public record Profile(long files, long bytes, long events, long measuredNanos, long readingNanos, long candidateNanos,
        long matchNanos, long clockNanos, List<RuleCost> rules) {
    /** The stated bound on {@link #discrepancy()} for a sample of a few seconds' scanning. */
    public static final double MARGIN = 0.15;

    public Profile {
        rules = rules.stream().sorted(Comparator.comparingLong(RuleCost::nanos).reversed()).toList();
    }

    public long rulesNanos() {
        return rules.stream().mapToLong(RuleCost::nanos).sum();
    }

    /** Reading + candidates + rules + recording matches. */
    public long partsNanos() {
        return readingNanos + candidateNanos + rulesNanos() + matchNanos;
    }

    /** How far the parts are from the measured total, as a signed fraction of it. */
    public double discrepancy() {
        return measuredNanos == 0 ? 0 : (double) (partsNanos() - measuredNanos) / measuredNanos;
    }

    public boolean withinMargin() {
        return Math.abs(discrepancy()) <= MARGIN;
    }
}
