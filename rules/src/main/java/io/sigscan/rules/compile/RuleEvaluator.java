package io.sigscan.rules.compile;

import java.util.Arrays;

import io.sigscan.rules.event.EventView;

/**
 * Runs the rules of a set against one event at a time. One per scan worker: not thread-safe,
 * allocation-free per event.
 *
 * <p>Hot path. For each rule in index order, its variants are tried in order: a variant whose
 * log-source condition fails is skipped, and the first variant whose predicate matches reports
 * the rule, so each rule is reported at most once per event. A condition shared by many rules
 * (Sysmon event 1, say) is evaluated at most once per event: results are memoised against an
 * event stamp, so nothing needs clearing between events.
 */
public final class RuleEvaluator {
    private final CompiledRule[] rules;
    private final EventPredicate[] conditions;
    private final int[][] variantConditions;
    private final EventPredicate[][] variantPredicates;
    private final int[] conditionStamps;
    private final boolean[] conditionResults;
    private int eventStamp;

    RuleEvaluator(CompiledRule[] rules, RouteTable routes) {
        this.rules = rules;
        this.conditions = routes.conditions;
        this.variantConditions = routes.variantConditions;
        this.variantPredicates = routes.variantPredicates;
        this.conditionStamps = new int[conditions.length];
        this.conditionResults = new boolean[conditions.length];
    }

    /** Reports to {@code hits} every rule the event matches, in rule order. */
    public void evaluate(EventView event, RuleHitHandler hits) {
        final int stamp = nextStamp();
        final CompiledRule[] rules = this.rules;
        final int[][] variantConditions = this.variantConditions;
        final EventPredicate[][] variantPredicates = this.variantPredicates;
        for (int rule = 0; rule < rules.length; rule++) {
            final int[] conditionOfVariant = variantConditions[rule];
            final EventPredicate[] predicateOfVariant = variantPredicates[rule];
            for (int variant = 0; variant < conditionOfVariant.length; variant++) {
                final int condition = conditionOfVariant[variant];
                if (condition != RouteTable.ALWAYS && !conditionHolds(condition, event, stamp)) {
                    continue;
                }
                if (predicateOfVariant[variant].test(event)) {
                    hits.onRuleHit(rules[rule]);
                    break;
                }
            }
        }
    }

    private boolean conditionHolds(int condition, EventView event, int stamp) {
        if (conditionStamps[condition] != stamp) {
            conditionStamps[condition] = stamp;
            conditionResults[condition] = conditions[condition].test(event);
        }
        return conditionResults[condition];
    }

    /** A stamp no memoised result carries; stamps start at 1 and restart after wrapping. */
    private int nextStamp() {
        int stamp = ++eventStamp;
        if (stamp == 0) {
            Arrays.fill(conditionStamps, 0);
            stamp = eventStamp = 1;
        }
        return stamp;
    }
}
