package io.sigscan.rules.model;

/**
 * A rule named by a correlation or a filter: the {@code id} or {@code name} as written, and where
 * it was written, so that an unknown name is reported at its own line.
 */
public record RuleReference(String text, Location location) {

    /** Whether this reference names the rule with {@code info}: by id, or by name. */
    public boolean names(RuleInfo info) {
        return text.equals(info.id()) || text.equals(info.name());
    }

    @Override
    public String toString() {
        return text;
    }
}
