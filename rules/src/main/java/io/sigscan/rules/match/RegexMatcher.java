package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

import com.google.re2j.Pattern;

/**
 * Sigma's {@code re} on RE2J: an unanchored find in time linear in the value, so hostile values
 * cannot make it hang.
 *
 * <p>Cost: RE2J reads UTF-8 only from a {@code byte[]} of exactly the value's length and needs a
 * fresh {@code Matcher} per input, so each call allocates a copy of the value and a matcher.
 * That allocation happens only when a regex actually runs: after cheaper tests of the same rule
 * have passed, and after the {@link LiteralGuardedMatcher} in front of it found the literal text
 * the pattern requires, when it requires some.
 * The pattern itself is immutable and shared by all threads.
 */
final class RegexMatcher extends ValueMatcher {
    private final Pattern pattern;

    RegexMatcher(Pattern pattern) {
        this.pattern = pattern;
    }

    @Override
    public int cost() {
        return REGEX;
    }

    @Override
    public boolean matches(DirectBuffer buffer, int offset, int length) {
        final byte[] value = new byte[length];
        buffer.getBytes(offset, value);
        return pattern.matcher(value).find();
    }

    @Override
    public String toString() {
        return "re(" + pattern.pattern() + ")";
    }
}
