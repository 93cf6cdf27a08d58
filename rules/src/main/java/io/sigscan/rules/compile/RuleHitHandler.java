package io.sigscan.rules.compile;

/** Receives the rules an event matched, in rule order, each at most once per event. */
@FunctionalInterface
public interface RuleHitHandler {
    void onRuleHit(CompiledRule rule);
}
