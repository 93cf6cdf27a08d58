package io.sigscan.rules.compile;

import java.util.Arrays;

import io.sigscan.rules.event.EventView;

/**
 * Runs the rules of a set against one event at a time. One per scan worker: not thread-safe,
 * allocation-free per event.
 *
 * <p>Hot path. Rules come in groups sharing the same log-source conditions (see
 * {@link RouteTable}); a group none of whose conditions holds is skipped whole. Within a group,
 * each rule's variants are tried in order: a variant whose condition fails is skipped, and the
 * first variant whose predicate matches records the rule, so each rule is reported at most once
 * per event. Recorded hits are sorted (usually zero or one) and reported in rule order. A
 * condition shared by many rules is evaluated at most once per event: results are memoised
 * against an event stamp, so nothing needs clearing between events. A rule's predicate class is
 * defined the first time any evaluator needs it (see {@link DeferredPredicate}).
 */
public final class RuleEvaluator {
    private final CompiledRule[] rules;
    private final EventPredicate[] conditions;
    private final int[][] variantConditions;
    private final EventPredicate[][] variantPredicates;
    private final int[][] groupConditions;
    private final int[][] groupRules;
    private final int[] conditionStamps;
    private final boolean[] conditionResults;
    private final int[] hits;
    private int eventStamp;

    RuleEvaluator(CompiledRule[] rules, RouteTable routes) {
        this.rules = rules;
        this.conditions = routes.conditions;
        this.variantConditions = routes.variantConditions;
        // A private copy: deferred predicates are replaced here by their resolved classes.
        this.variantPredicates = new EventPredicate[routes.variantPredicates.length][];
        for (int rule = 0; rule < variantPredicates.length; rule++) {
            variantPredicates[rule] = routes.variantPredicates[rule].clone();
        }
        this.groupConditions = routes.groupConditions;
        this.groupRules = routes.groupRules;
        this.conditionStamps = new int[conditions.length];
        this.conditionResults = new boolean[conditions.length];
        this.hits = new int[rules.length];
    }

    /** Reports to {@code hits} every rule the event matches, in rule order. */
    public void evaluate(EventView event, RuleHitHandler hits) {
        final int stamp = nextStamp();
        final int[][] groupConditions = this.groupConditions;
        final int[][] groupRules = this.groupRules;
        int hitCount = 0;
        for (int group = 0; group < groupRules.length; group++) {
            if (anyConditionHolds(groupConditions[group], event, stamp)) {
                hitCount = evaluateGroup(groupRules[group], event, stamp, hitCount);
            }
        }
        report(hitCount, hits);
    }

    private int evaluateGroup(int[] ruleIndexes, EventView event, int stamp, int hitCount) {
        final int[][] variantConditions = this.variantConditions;
        final EventPredicate[][] variantPredicates = this.variantPredicates;
        int count = hitCount;
        for (final int rule : ruleIndexes) {
            final int[] conditionOfVariant = variantConditions[rule];
            final EventPredicate[] predicateOfVariant = variantPredicates[rule];
            for (int variant = 0; variant < conditionOfVariant.length; variant++) {
                final int condition = conditionOfVariant[variant];
                if (condition != RouteTable.ALWAYS && !conditionHolds(condition, event, stamp)) {
                    continue;
                }
                EventPredicate predicate = predicateOfVariant[variant];
                if (predicate instanceof DeferredPredicate deferred) {
                    predicate = deferred.resolve();
                    predicateOfVariant[variant] = predicate;
                }
                if (predicate.test(event)) {
                    this.hits[count++] = rule;
                    break;
                }
            }
        }
        return count;
    }

    /** An empty condition list is a group that runs on every event. */
    private boolean anyConditionHolds(int[] groupCondition, EventView event, int stamp) {
        if (groupCondition.length == 0) {
            return true;
        }
        for (final int condition : groupCondition) {
            if (conditionHolds(condition, event, stamp)) {
                return true;
            }
        }
        return false;
    }

    private boolean conditionHolds(int condition, EventView event, int stamp) {
        if (conditionStamps[condition] != stamp) {
            conditionStamps[condition] = stamp;
            conditionResults[condition] = conditions[condition].test(event);
        }
        return conditionResults[condition];
    }

    /** Insertion sort: an event matches few rules, and groups already yield ascending runs. */
    private void report(int hitCount, RuleHitHandler handler) {
        final int[] hits = this.hits;
        for (int i = 1; i < hitCount; i++) {
            final int rule = hits[i];
            int j = i - 1;
            while (j >= 0 && hits[j] > rule) {
                hits[j + 1] = hits[j];
                j--;
            }
            hits[j + 1] = rule;
        }
        for (int i = 0; i < hitCount; i++) {
            handler.onRuleHit(rules[hits[i]]);
        }
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
