package io.sigscan.rules.prefilter;

/**
 * A literal that must occur in some value of {@code field}, up to ASCII case, for a rule to
 * have any chance of matching. {@code text} has no upper-case ASCII letter and is never empty.
 */
public record Needle(String field, String text) {
    /** The pseudo-field of keyword tests: every string value of the event. */
    public static final String KEYWORDS = "<keywords>";

    public Needle {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty needle for field " + field);
        }
    }
}
