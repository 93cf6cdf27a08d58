package io.sigscan.rules.compile;

import io.sigscan.rules.model.RuleInfo;

/** One rule ready to run: its metadata, its position in the set, and its compiled predicate. */
public final class CompiledRule {
    private final int index;
    private final RuleInfo info;
    private final EventPredicate predicate;

    public CompiledRule(int index, RuleInfo info, EventPredicate predicate) {
        this.index = index;
        this.info = info;
        this.predicate = predicate;
    }

    /** Position in its {@link CompiledRuleSet}: output orders a single event's hits by it. */
    public int index() {
        return index;
    }

    public RuleInfo info() {
        return info;
    }

    public EventPredicate predicate() {
        return predicate;
    }

    @Override
    public String toString() {
        return info.displayName();
    }
}
