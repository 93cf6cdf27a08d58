package io.sigscan.rules.compile;

import io.sigscan.rules.event.EventView;

/**
 * Runs the rules of a set against one event at a time. One per scan worker: not thread-safe,
 * allocation-free per event.
 */
public final class RuleEvaluator {
    private final CompiledRule[] rules;

    RuleEvaluator(CompiledRule[] rules) {
        this.rules = rules;
    }

    /** Reports to {@code hits} every rule the event matches, in rule order. */
    public void evaluate(EventView event, RuleHitHandler hits) {
        final CompiledRule[] candidates = rules;
        for (CompiledRule rule : candidates) {
            if (rule.predicate().test(event)) {
                hits.onRuleHit(rule);
            }
        }
    }
}
