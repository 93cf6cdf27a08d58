package io.sigscan.rules.compile;

import java.util.List;

/**
 * Which rules may run on an event: the distinct log-source conditions of a rule set, and for
 * each rule its variants, each a condition index ({@link #ALWAYS} for none) and the rule's
 * predicate compiled for that variant. Immutable; shared by all evaluators of a set.
 */
final class RouteTable {
    /** Condition index of a variant that applies to every event. */
    static final int ALWAYS = -1;

    final EventPredicate[] conditions;
    final int[][] variantConditions;
    final EventPredicate[][] variantPredicates;

    RouteTable(EventPredicate[] conditions, int[][] variantConditions, EventPredicate[][] variantPredicates) {
        this.conditions = conditions;
        this.variantConditions = variantConditions;
        this.variantPredicates = variantPredicates;
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
}
