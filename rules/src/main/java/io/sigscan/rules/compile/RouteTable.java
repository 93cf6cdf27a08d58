package io.sigscan.rules.compile;

import java.util.ArrayList;
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
 * Variants the pre-filter cannot witness are kept per condition as a bit mask, so an event
 * adds all of a condition's unwitnessed variants with a few word operations.
 */
final class RouteTable {
    /** Condition index of a variant that applies to every event. */
    static final int ALWAYS = -1;

    final EventPredicate[] conditions;
    final int[] variantRule;
    final int[] variantCondition;
    final EventPredicate[] variantPredicate;
    final Prefilter prefilter;
    /** Conditions with unwitnessed variants ({@link #ALWAYS} included when some variants always apply). */
    final int[] unwitnessedConditions;
    /** Per entry of {@link #unwitnessedConditions}: the indexes of the non-zero words of its variant mask. */
    final int[][] unwitnessedWords;
    /** Per entry of {@link #unwitnessedConditions}: those words. */
    final long[][] unwitnessedBits;

    private RouteTable(EventPredicate[] conditions, int[] variantRule, int[] variantCondition,
            EventPredicate[] variantPredicate, Prefilter prefilter) {
        if (prefilter.variantCount() != variantRule.length) {
            throw new IllegalArgumentException("pre-filter covers " + prefilter.variantCount() + " variants, not "
                    + variantRule.length);
        }
        this.conditions = conditions;
        this.variantRule = variantRule;
        this.variantCondition = variantCondition;
        this.variantPredicate = variantPredicate;
        this.prefilter = prefilter;

        List<Integer> withUnwitnessed = new ArrayList<>();
        List<int[]> words = new ArrayList<>();
        List<long[]> bits = new ArrayList<>();
        long[] mask = new long[(variantRule.length + 63) >>> 6];
        for (int condition = ALWAYS; condition < conditions.length; condition++) {
            Arrays.fill(mask, 0);
            for (int variant = 0; variant < variantRule.length; variant++) {
                if (variantCondition[variant] == condition && !prefilter.isWitnessed(variant)) {
                    mask[variant >>> 6] |= 1L << variant;
                }
            }
            int[] nonZero = IntStream.range(0, mask.length).filter(w -> mask[w] != 0).toArray();
            if (nonZero.length > 0) {
                withUnwitnessed.add(condition);
                words.add(nonZero);
                bits.add(Arrays.stream(nonZero).mapToLong(w -> mask[w]).toArray());
            }
        }
        this.unwitnessedConditions = withUnwitnessed.stream().mapToInt(Integer::intValue).toArray();
        this.unwitnessedWords = words.toArray(new int[0][]);
        this.unwitnessedBits = bits.toArray(new long[0][]);
    }

    /**
     * Routes for rules whose variants are {@code variantConditions[r]}/{@code variantPredicates[r]};
     * {@code prefilter} numbers the variants rule by rule, in that order.
     */
    static RouteTable of(EventPredicate[] conditions, int[][] variantConditions, EventPredicate[][] variantPredicates,
            Prefilter prefilter) {
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
        return new RouteTable(conditions, variantRule, variantCondition, variantPredicate, prefilter);
    }

    /** Every rule on every event, through its own predicate: for sets built without routing. */
    static RouteTable unrouted(List<CompiledRule> rules) {
        int[][] variantConditions = new int[rules.size()][];
        EventPredicate[][] variantPredicates = new EventPredicate[rules.size()][];
        for (int i = 0; i < rules.size(); i++) {
            variantConditions[i] = new int[] {ALWAYS};
            variantPredicates[i] = new EventPredicate[] {rules.get(i).predicate()};
        }
        return of(new EventPredicate[0], variantConditions, variantPredicates, Prefilter.none(rules.size()));
    }

    /** The same routes with every variant evaluated whenever its condition holds. */
    RouteTable withoutPrefilter() {
        return new RouteTable(conditions, variantRule, variantCondition, variantPredicate,
                Prefilter.none(variantRule.length));
    }

    int variantCount() {
        return variantRule.length;
    }
}
