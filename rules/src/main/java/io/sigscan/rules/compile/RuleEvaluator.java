package io.sigscan.rules.compile;

import java.util.Arrays;

import io.sigscan.rules.event.EventView;
import io.sigscan.rules.prefilter.Prefilter;

/**
 * Runs the rules of a set against one event at a time. One per scan worker: not thread-safe,
 * allocation-free per event.
 *
 * <p>Hot path, in three steps per event:
 * <ol>
 *   <li><b>Candidates.</b> The {@link Prefilter} reads each field that has needles once and marks
 *       the variants whose needles it saw; each log-source condition that has variants the
 *       pre-filter cannot witness is tested and, when it holds, adds them all. Candidates are
 *       bits in one mask, so they come out in variant order, which is rule order.</li>
 *   <li><b>Routing.</b> A candidate runs only when its variant's condition holds. A condition
 *       shared by many rules is evaluated at most once per event: results are memoised against
 *       an event stamp, so nothing needs clearing between events.</li>
 *   <li><b>Predicates.</b> The first variant of a rule whose predicate matches records the rule,
 *       so each rule is reported at most once per event, in rule order. A predicate's class is
 *       defined the first time any evaluator needs it (see {@link DeferredPredicate}).</li>
 * </ol>
 */
public final class RuleEvaluator {
    private final CompiledRule[] rules;
    private final EventPredicate[] conditions;
    private final int[] variantRule;
    private final int[] variantCondition;
    private final EventPredicate[] variantPredicate;
    private final Prefilter prefilter;
    private final int[] unwitnessedConditions;
    private final int[][] unwitnessedWords;
    private final long[][] unwitnessedBits;

    private final long[] candidates;
    private final int[] needleStamps;
    private final int[] conditionStamps;
    private final boolean[] conditionResults;
    /** Null unless the set is profiled; then every step is timed into it. */
    private final RuleCosts.Recorder costs;
    private int eventStamp;

    RuleEvaluator(CompiledRule[] rules, RouteTable routes, RuleCosts.Recorder costs) {
        this.rules = rules;
        this.costs = costs;
        this.conditions = routes.conditions;
        this.variantRule = routes.variantRule;
        this.variantCondition = routes.variantCondition;
        // A private copy: deferred predicates are replaced here by their resolved classes.
        this.variantPredicate = routes.variantPredicate.clone();
        this.prefilter = routes.prefilter;
        this.unwitnessedConditions = routes.unwitnessedConditions;
        this.unwitnessedWords = routes.unwitnessedWords;
        this.unwitnessedBits = routes.unwitnessedBits;
        this.candidates = new long[(routes.variantCount() + 63) >>> 6];
        this.needleStamps = prefilter.newNeedleStamps();
        this.conditionStamps = new int[conditions.length];
        this.conditionResults = new boolean[conditions.length];
    }

    /** Reports to {@code hits} every rule the event matches, in rule order. */
    public void evaluate(EventView event, RuleHitHandler hits) {
        final int stamp = nextStamp();
        final long[] candidates = this.candidates;
        final long start = costs == null ? 0 : System.nanoTime();
        prefilter.markCandidates(event, stamp, needleStamps, candidates);
        addUnwitnessed(event, stamp);
        if (costs != null) {
            costs.candidates(System.nanoTime() - start);
        }
        int lastHitRule = -1;
        for (int word = 0; word < candidates.length; word++) {
            long bits = candidates[word];
            if (bits == 0) {
                continue;
            }
            candidates[word] = 0;
            do {
                final int variant = (word << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                final int rule = variantRule[variant];
                if (rule != lastHitRule && (costs == null ? variantMatches(variant, event, stamp)
                        : timedVariantMatches(variant, rule, event, stamp))) {
                    lastHitRule = rule;
                    hits.onRuleHit(rules[rule]);
                }
            } while (bits != 0);
        }
    }

    private void addUnwitnessed(EventView event, int stamp) {
        final long[] candidates = this.candidates;
        for (int i = 0; i < unwitnessedConditions.length; i++) {
            final int condition = unwitnessedConditions[i];
            if (condition == RouteTable.ALWAYS || conditionHolds(condition, event, stamp)) {
                final int[] words = unwitnessedWords[i];
                final long[] bits = unwitnessedBits[i];
                for (int w = 0; w < words.length; w++) {
                    candidates[words[w]] |= bits[w];
                }
            }
        }
    }

    private boolean variantMatches(int variant, EventView event, int stamp) {
        final int condition = variantCondition[variant];
        if (condition != RouteTable.ALWAYS && !conditionHolds(condition, event, stamp)) {
            return false;
        }
        EventPredicate predicate = variantPredicate[variant];
        if (predicate instanceof DeferredPredicate deferred) {
            predicate = deferred.resolve();
            variantPredicate[variant] = predicate;
        }
        return predicate.test(event);
    }

    private boolean timedVariantMatches(int variant, int rule, EventView event, int stamp) {
        final long start = System.nanoTime();
        final boolean matches = variantMatches(variant, event, stamp);
        costs.evaluation(rule, System.nanoTime() - start, matches);
        return matches;
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
            Arrays.fill(needleStamps, 0);
            stamp = eventStamp = 1;
        }
        return stamp;
    }
}
