package io.sigscan.rules.match;

import java.util.List;

import org.agrona.DirectBuffer;

/**
 * A regex behind the literal text every match of it contains ({@link RegexLiterals}): a value
 * without that text, ASCII case folded, cannot match, so the regex engine — which copies the
 * value and allocates a matcher per call — runs only on values that hold it. The text is looked
 * for with a {@link NeedleSearch}, whose answer is the pre-filter's: a value holding a
 * character that folding may get wrong ('İ', 'ı', 'ſ', the Kelvin sign) goes to the regex.
 */
final class LiteralGuardedMatcher extends ValueMatcher {
    private final NeedleSearch required;
    private final String text;
    private final ValueMatcher regex;

    /** {@code required}: lower-cased text every match of {@code regex} contains. */
    LiteralGuardedMatcher(String required, ValueMatcher regex) {
        this.required = NeedleSearch.build(List.of(required), new int[] {0});
        this.text = required;
        this.regex = regex;
    }

    @Override
    public boolean matches(DirectBuffer buffer, int offset, int length) {
        return required.findAny(buffer, offset, length) != NeedleSearch.NO_NEEDLE
                && regex.matches(buffer, offset, length);
    }

    @Override
    public long budgetExhaustions() {
        return regex.budgetExhaustions();
    }

    /** The regex's own matcher. */
    ValueMatcher regex() {
        return regex;
    }

    @Override
    public String toString() {
        return regex + " after '" + text + "'";
    }
}
