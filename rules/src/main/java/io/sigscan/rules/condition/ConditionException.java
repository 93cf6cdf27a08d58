package io.sigscan.rules.condition;

/**
 * A condition that cannot be parsed or resolved: the message quotes the offending token and
 * {@link #offset()} is where it starts in the condition text (0-based).
 */
public final class ConditionException extends RuntimeException {

    /** Kind of a malformed or unresolvable condition. */
    public static final String CONDITION = "condition";
    /** Kind of Sigma 1.0 aggregation pipes ({@code | count() by x > 5}, {@code | near}). */
    public static final String LEGACY_SYNTAX = "legacy-syntax";

    private final String kind;
    private final int offset;

    ConditionException(String kind, int offset, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.offset = offset;
    }

    /** {@link #CONDITION} or {@link #LEGACY_SYNTAX}. */
    public String kind() {
        return kind;
    }

    /** Index in the condition text of the first character of the offending token. */
    public int offset() {
        return offset;
    }
}
