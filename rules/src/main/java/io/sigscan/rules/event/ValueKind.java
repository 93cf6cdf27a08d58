package io.sigscan.rules.event;

/**
 * Kinds of value an {@link EventView} reports. Numbers and booleans are exposed as their text
 * ({@code 4688}, {@code true}) because Sigma compares them as text; {@code NULL} and
 * {@code STRUCTURE} values never satisfy a value test, only presence tests.
 */
public final class ValueKind {
    public static final int STRING = 1;
    public static final int NUMBER = 2;
    public static final int BOOLEAN = 3;
    /** JSON {@code null}: the field is there but has no value. */
    public static final int NULL = 4;
    /** A nested object or array: present, but not a scalar that value tests apply to. */
    public static final int STRUCTURE = 5;

    private ValueKind() {
    }

    /** Whether value tests (equality, wildcards, regex, ...) apply to a value of this kind. */
    public static boolean isScalar(int kind) {
        return kind == STRING || kind == NUMBER || kind == BOOLEAN;
    }
}
