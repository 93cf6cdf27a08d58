package io.sigscan.rules.compile;

import io.sigscan.rules.event.EventView;
import io.sigscan.rules.prefilter.Prefilter;

/**
 * Runs the rules of a set against one event at a time. One per scan worker: not thread-safe,
 * allocation-free per event.
 *
 * <p>Hot path, in two steps per event:
 * <ol>
 *   <li><b>Routing and candidates.</b> The log-source conditions that hold are looked up by the
 *       event's routing values ({@link RouteCache}), with the needle searches of their groups
 *       (and of the variants that apply to every event) merged per field: the {@link Prefilter}
 *       reads each field that has needles once and marks the variants whose needles it saw, and
 *       the variants the pre-filter cannot witness are added all at once. Candidates are bits in one mask, so
 *       they come out in variant order, which is rule order.</li>
 *   <li><b>Predicates.</b> The first variant of a rule whose predicate matches records the rule,
 *       so each rule is reported at most once per event, in rule order. A predicate's class is
 *       defined the first time any evaluator needs it (see {@link DeferredPredicate}).</li>
 * </ol>
 */
public final class RuleEvaluator {
    private final CompiledRule[] rules;
    private final RouteCache routeCache;
    private final int[] variantRule;
    private final EventPredicate[] variantPredicate;
    private final Prefilter prefilter;
    private final int[][] unwitnessedWords;
    private final long[][] unwitnessedBits;

    private final long[] candidates;
    private final Prefilter.Scratch prefilterScratch;
    /** Null unless the set is profiled; then every step is timed into it. */
    private final RuleCosts.Recorder costs;

    RuleEvaluator(CompiledRule[] rules, RouteTable routes, RuleCosts.Recorder costs) {
        this.rules = rules;
        this.costs = costs;
        this.routeCache = new RouteCache(routes);
        this.variantRule = routes.variantRule;
        // A private copy: deferred predicates are replaced here by their resolved classes.
        this.variantPredicate = routes.variantPredicate.clone();
        this.prefilter = routes.prefilter;
        this.unwitnessedWords = routes.unwitnessedWords;
        this.unwitnessedBits = routes.unwitnessedBits;
        this.candidates = new long[(routes.variantCount() + 63) >>> 6];
        this.prefilterScratch = prefilter.newScratch(candidates);
    }

    /** Reports to {@code hits} every rule the event matches, in rule order. */
    public void evaluate(EventView event, RuleHitHandler hits) {
        prefilterScratch.nextEvent();
        final long[] candidates = this.candidates;
        final long start = costs == null ? 0 : System.nanoTime();
        markCandidates(routeCache.route(event), event);
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
                if (rule != lastHitRule && (costs == null ? variantMatches(variant, event)
                        : timedVariantMatches(variant, rule, event))) {
                    lastHitRule = rule;
                    hits.onRuleHit(rules[rule]);
                }
            } while (bits != 0);
        }
    }

    /** Whether this evaluator's set is profiled: then its caller should time recording matches too. */
    public boolean profiled() {
        return costs != null;
    }

    /** Adds {@code elapsed} nanoseconds spent recording an event's matches to the profile, if any. */
    public void matchesRecorded(long elapsed) {
        if (costs != null) {
            costs.matchesRecorded(elapsed);
        }
    }

    /** Marks the variants the route allows that may match: witnessed ones by their needles, the others all. */
    private void markCandidates(RouteCache.Route route, EventView event) {
        if (route.searches != null) {
            prefilter.markCandidates(route.searches, event, prefilterScratch);
            addAll(route.unwitnessedWords, route.unwitnessedBits);
            return;
        }
        for (int i = 0, group; (group = route.groups[i]) >= 0; i++) {
            prefilter.markCandidates(group, event, prefilterScratch);
            addAll(unwitnessedWords[group], unwitnessedBits[group]);
        }
    }

    private void addAll(int[] words, long[] bits) {
        final long[] candidates = this.candidates;
        for (int w = 0; w < words.length; w++) {
            candidates[words[w]] |= bits[w];
        }
    }

    /** Runs a candidate's predicate; its condition already held, or it would not be a candidate. */
    private boolean variantMatches(int variant, EventView event) {
        EventPredicate predicate = variantPredicate[variant];
        if (predicate instanceof DeferredPredicate deferred) {
            predicate = deferred.resolve();
            variantPredicate[variant] = predicate;
        }
        return predicate.test(event);
    }

    private boolean timedVariantMatches(int variant, int rule, EventView event) {
        final long start = System.nanoTime();
        final boolean matches = variantMatches(variant, event);
        costs.evaluation(rule, System.nanoTime() - start, matches);
        return matches;
    }
}
