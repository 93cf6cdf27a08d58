package io.sigscan.rules.match;

import java.util.Comparator;
import java.util.List;

import org.agrona.DirectBuffer;

/**
 * A regex behind the literal texts every match of it contains ({@link RegexLiterals}): a value
 * missing one of them, ASCII case folded, cannot match, so the regex engine — which copies the
 * value and allocates a matcher per call — runs only on values that hold them all. Every
 * required run is checked, not just the longest: the longest is often a common path
 * ({@code c:\windows\system32\}) while a short one ({@code |unknown(}) is what rules the value
 * out. Each text is looked for with a {@link NeedleSearch}, whose answer is the pre-filter's: a
 * value holding a character that folding may get wrong ('İ', 'ı', 'ſ', the Kelvin sign) goes to
 * the regex.
 */
final class LiteralGuardedMatcher extends ValueMatcher {
    private final NeedleSearch[] required;
    private final List<String> texts;
    private final ValueMatcher regex;

    /** {@code required}: lower-cased texts every match of {@code regex} contains, at least one. */
    LiteralGuardedMatcher(List<String> required, ValueMatcher regex) {
        // Longest first: the likeliest to be missing, so the guard usually stops at the first search.
        this.texts = required.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.required = texts.stream().map(text -> NeedleSearch.build(List.of(text), new int[] {0}))
                .toArray(NeedleSearch[]::new);
        this.regex = regex;
    }

    @Override
    public int cost() {
        return REGEX;
    }

    @Override
    public boolean matches(DirectBuffer buffer, int offset, int length) {
        for (NeedleSearch text : required) {
            if (text.findAny(buffer, offset, length) == NeedleSearch.NO_NEEDLE) {
                return false;
            }
        }
        return regex.matches(buffer, offset, length);
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
        return regex + " after '" + String.join("', '", texts) + "'";
    }
}
