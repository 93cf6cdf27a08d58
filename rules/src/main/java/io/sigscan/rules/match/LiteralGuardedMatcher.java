package io.sigscan.rules.match;

import java.util.Comparator;
import java.util.List;

import org.agrona.DirectBuffer;

/**
 * A costly matcher — a regex, or a glob with {@code ?} or inner wildcards — behind the literal
 * texts every match of it contains ({@link RegexLiterals} for regexes, the literal runs of a
 * glob): a value missing one of them, ASCII case folded, cannot match, so the matcher (the regex
 * engine copies the value and steps an automaton per byte; the glob decodes and folds every character)
 * runs only on values that hold them all. Every required run is checked, not just the longest:
 * the longest is often a common path ({@code c:\windows\system32\}) while a short one
 * ({@code |unknown(}) is what rules the value out. Each text is looked for with a
 * {@link NeedleSearch}, whose answer is the pre-filter's: a value holding a character that folding
 * may get wrong ('İ', 'ı', 'ſ', the Kelvin sign) goes to the matcher.
 */
final class LiteralGuardedMatcher extends ValueMatcher {
    private final NeedleSearch[] required;
    private final List<String> texts;
    private final ValueMatcher guarded;

    /**
     * {@code required}: lower-cased texts every match of {@code guarded} contains, at least one;
     * ASCII only when {@code guarded} folds case beyond ASCII.
     */
    LiteralGuardedMatcher(List<String> required, ValueMatcher guarded) {
        // Longest first: the likeliest to be missing, so the guard usually stops at the first search.
        this.texts = required.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.required = texts.stream().map(text -> NeedleSearch.build(List.of(text), new int[] {0}))
                .toArray(NeedleSearch[]::new);
        this.guarded = guarded;
    }

    @Override
    public int cost() {
        return guarded.cost();
    }

    @Override
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        for (NeedleSearch text : required) {
            if (text.findAny(buffer, offset, length) == NeedleSearch.NO_NEEDLE) {
                return false;
            }
        }
        return guarded.matchesInBounds(buffer, offset, length);
    }

    @Override
    public long budgetExhaustions() {
        return guarded.budgetExhaustions();
    }

    /** The matcher behind the guard. */
    ValueMatcher guarded() {
        return guarded;
    }

    @Override
    public String toString() {
        return guarded + " after '" + String.join("', '", texts) + "'";
    }
}
