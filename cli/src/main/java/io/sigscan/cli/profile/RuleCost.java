package io.sigscan.cli.profile;

import java.util.List;

import io.sigscan.rules.model.RuleInfo;

/**
 * One rule's share of a profiled scan.
 *
 * @param rule        the rule
 * @param nanos       time in its predicates over the whole sample
 * @param evaluations events it was evaluated on, after pre-filtering and routing
 * @param hits        events it matched
 * @param reasons     why it may be expensive (see {@link io.sigscan.rules.compile.RuleTraits})
 */
public record RuleCost(RuleInfo rule, long nanos, long evaluations, long hits, List<String> reasons) {
    public RuleCost {
        reasons = List.copyOf(reasons);
    }

    /** Average cost per event of the sample, in nanoseconds. */
    public double nanosPerEvent(long events) {
        return events == 0 ? 0 : (double) nanos / events;
    }
}
