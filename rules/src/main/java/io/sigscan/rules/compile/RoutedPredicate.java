package io.sigscan.rules.compile;

import io.sigscan.rules.event.EventView;

/**
 * A rule's whole predicate for callers that test it alone ({@link CompiledRule#predicate()}):
 * true when some variant's condition holds and that variant's predicate matches. The
 * {@link RuleEvaluator} does the same work but shares condition results across rules.
 */
final class RoutedPredicate implements EventPredicate {
    private final EventPredicate[] conditions;
    private final EventPredicate[] predicates;

    /** {@code conditions[i]} is null for a variant that applies to every event. */
    RoutedPredicate(EventPredicate[] conditions, EventPredicate[] predicates) {
        this.conditions = conditions;
        this.predicates = predicates;
    }

    @Override
    public boolean test(EventView event) {
        final EventPredicate[] conditions = this.conditions;
        final EventPredicate[] predicates = this.predicates;
        for (int i = 0; i < predicates.length; i++) {
            final EventPredicate condition = conditions[i];
            if ((condition == null || condition.test(event)) && predicates[i].test(event)) {
                return true;
            }
        }
        return false;
    }
}
