package io.sigscan.rules.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rules may run on an event: the distinct log-source conditions of a rule set, and for
 * each rule its variants, each a condition index ({@link #ALWAYS} for none) and the rule's
 * predicate compiled for that variant. Immutable; shared by all evaluators of a set.
 *
 * <p>Rules are also grouped by the set of conditions their variants use (all Sysmon
 * process-creation rules share one group, all Security-channel rules another), so an evaluator
 * can skip a whole group with one test when none of its conditions holds, instead of visiting
 * every rule of the set for every event.
 */
final class RouteTable {
    /** Condition index of a variant that applies to every event. */
    static final int ALWAYS = -1;

    final EventPredicate[] conditions;
    final int[][] variantConditions;
    final EventPredicate[][] variantPredicates;
    /** Per group: its distinct condition indexes, or an empty array when it runs on every event. */
    final int[][] groupConditions;
    /** Per group: its rule indexes, ascending. */
    final int[][] groupRules;

    RouteTable(EventPredicate[] conditions, int[][] variantConditions, EventPredicate[][] variantPredicates) {
        this.conditions = conditions;
        this.variantConditions = variantConditions;
        this.variantPredicates = variantPredicates;
        Map<List<Integer>, List<Integer>> groups = new LinkedHashMap<>();
        for (int rule = 0; rule < variantConditions.length; rule++) {
            groups.computeIfAbsent(signature(variantConditions[rule]), key -> new ArrayList<>()).add(rule);
        }
        this.groupConditions = new int[groups.size()][];
        this.groupRules = new int[groups.size()][];
        int group = 0;
        for (Map.Entry<List<Integer>, List<Integer>> entry : groups.entrySet()) {
            groupConditions[group] = entry.getKey().stream().mapToInt(Integer::intValue).toArray();
            groupRules[group] = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
            group++;
        }
    }

    /** Every rule on every event, through its own predicate: for sets built without routing. */
    static RouteTable unrouted(List<CompiledRule> rules) {
        int[][] variantConditions = new int[rules.size()][];
        EventPredicate[][] variantPredicates = new EventPredicate[rules.size()][];
        for (int i = 0; i < rules.size(); i++) {
            variantConditions[i] = new int[] {ALWAYS};
            variantPredicates[i] = new EventPredicate[] {rules.get(i).predicate()};
        }
        return new RouteTable(new EventPredicate[0], variantConditions, variantPredicates);
    }

    /** The sorted distinct conditions of a rule's variants; empty if any variant always applies. */
    private static List<Integer> signature(int[] conditionOfVariant) {
        int[] sorted = Arrays.stream(conditionOfVariant).distinct().sorted().toArray();
        if (sorted.length > 0 && sorted[0] == ALWAYS) {
            return List.of();
        }
        return Arrays.stream(sorted).boxed().toList();
    }
}
