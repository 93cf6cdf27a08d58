package io.sigscan.rules.compile;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import io.sigscan.rules.prefilter.Prefilter;

/**
 * Which rules may run on an event. Immutable; shared by all evaluators of a set.
 *
 * <p>Each rule has one or more <em>variants</em> (one per way its log source shows up in
 * events), numbered in rule order: a variant is a log-source condition index ({@link #ALWAYS}
 * for none) and the rule's predicate compiled for it. A variant runs on an event when its
 * condition holds and, if the {@link Prefilter} witnesses it, one of its needles was seen.
 * The pre-filter keeps one group of needles per condition ({@link #groupOf}), so only the
 * needles of conditions an event meets are looked for. Variants the pre-filter cannot witness
 * are kept per condition as a bit mask, so an event adds all of a condition's unwitnessed
 * variants with a few word operations.
 */
final class RouteTable {
    /** Condition index of a variant that applies to every event. */
    static final int ALWAYS = -1;

    final EventPredicate[] conditions;
    final int[] variantRule;
    final int[] variantCondition;
    final EventPredicate[] variantPredicate;
    final Prefilter prefilter;
    /** The conditions some variant has, ascending ({@link #ALWAYS} excluded). */
    final int[] conditionsInUse;
    /** The slots the conditions read (see {@link RouteCache}), or null when their results cannot be cached. */
    final int[] routingSlots;
    /** Per {@link #groupOf group}: the indexes of the non-zero words of its unwitnessed-variant mask. */
    final int[][] unwitnessedWords;
    /** Per {@link #groupOf group}: those words. */
    final long[][] unwitnessedBits;

    private RouteTable(EventPredicate[] conditions, int[] routingSlots, int[] variantRule, int[] variantCondition,
            EventPredicate[] variantPredicate, Prefilter prefilter) {
        if (prefilter.variantCount() != variantRule.length) {
            throw new IllegalArgumentException("pre-filter covers " + prefilter.variantCount() + " variants, not "
                    + variantRule.length);
        }
        this.conditions = conditions;
        this.routingSlots = routingSlots;
        this.variantRule = variantRule;
        this.variantCondition = variantCondition;
        this.variantPredicate = variantPredicate;
        this.prefilter = prefilter;
        this.conditionsInUse = Arrays.stream(variantCondition).filter(c -> c != ALWAYS).distinct().sorted().toArray();

        this.unwitnessedWords = new int[conditions.length + 1][];
        this.unwitnessedBits = new long[conditions.length + 1][];
        long[] mask = new long[(variantRule.length + 63) >>> 6];
        for (int condition = ALWAYS; condition < conditions.length; condition++) {
            Arrays.fill(mask, 0);
            for (int variant = 0; variant < variantRule.length; variant++) {
                if (variantCondition[variant] == condition && !prefilter.isWitnessed(variant)) {
                    mask[variant >>> 6] |= 1L << variant;
                }
            }
            int[] nonZero = IntStream.range(0, mask.length).filter(w -> mask[w] != 0).toArray();
            unwitnessedWords[groupOf(condition)] = nonZero;
            unwitnessedBits[groupOf(condition)] = Arrays.stream(nonZero).mapToLong(w -> mask[w]).toArray();
        }
    }

    /** The pre-filter group of a condition's variants: 0 for {@link #ALWAYS}, else the index plus one. */
    static int groupOf(int condition) {
        return condition + 1;
    }

    /**
     * Routes for rules whose variants are {@code variantConditions[r]}/{@code variantPredicates[r]};
     * {@code prefilter} numbers the variants rule by rule, in that order.
     */
    static RouteTable of(EventPredicate[] conditions, int[] routingSlots, int[][] variantConditions,
            EventPredicate[][] variantPredicates, Prefilter prefilter) {
        int count = 0;
        for (int[] ofRule : variantConditions) {
            count += ofRule.length;
        }
        int[] variantRule = new int[count];
        int[] variantCondition = new int[count];
        EventPredicate[] variantPredicate = new EventPredicate[count];
        int v = 0;
        for (int rule = 0; rule < variantConditions.length; rule++) {
            for (int i = 0; i < variantConditions[rule].length; i++, v++) {
                variantRule[v] = rule;
                variantCondition[v] = variantConditions[rule][i];
                variantPredicate[v] = variantPredicates[rule][i];
            }
        }
        return new RouteTable(conditions, routingSlots, variantRule, variantCondition, variantPredicate, prefilter);
    }

    /** Every rule on every event, through its own predicate: for sets built without routing. */
    static RouteTable unrouted(List<CompiledRule> rules) {
        int[][] variantConditions = new int[rules.size()][];
        EventPredicate[][] variantPredicates = new EventPredicate[rules.size()][];
        for (int i = 0; i < rules.size(); i++) {
            variantConditions[i] = new int[] {ALWAYS};
            variantPredicates[i] = new EventPredicate[] {rules.get(i).predicate()};
        }
        return of(new EventPredicate[0], new int[0], variantConditions, variantPredicates, Prefilter.none(rules.size()));
    }

    /** The same routes with every variant evaluated whenever its condition holds. */
    RouteTable withoutPrefilter() {
        return new RouteTable(conditions, routingSlots, variantRule, variantCondition, variantPredicate,
                Prefilter.none(variantRule.length));
    }

    int variantCount() {
        return variantRule.length;
    }
}
