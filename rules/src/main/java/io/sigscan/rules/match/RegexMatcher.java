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
 * <p>Cost: RE2J reads UTF-8 from a {@code byte[]}. Its internal input takes a range of one, so the
 * value is copied into a per-thread array reused from call to call; only the public fallback needs
 * a copy of exactly the value's length per call. A regex runs only after cheaper tests of the same
 * rule have passed, and after the {@link LiteralGuardedMatcher} in front of it found the literal
 * text the pattern requires, when it requires some. The pattern itself is immutable and shared by
 * all threads.
 */
final class RegexMatcher extends ValueMatcher {
    /**
     * {@code (Pattern, byte[] bytes, int length) -> boolean}: RE2J's search without captures over
     * {@code bytes[0, length)}, or null when this RE2J lacks it.
     */
    private static final MethodHandle SEARCH_WITHOUT_CAPTURES = searchWithoutCaptures();
    /** The copy of the value RE2J reads, per scanning thread; grows to the longest value searched. */
    private static final ThreadLocal<byte[]> VALUE_COPY = ThreadLocal.withInitial(() -> new byte[256]);

    private final Pattern pattern;

    RegexMatcher(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * What RE2J's {@code RE2.matchUTF8(byte[])} does, over a range: {@code doExecute(fromUTF8(bytes,
     * 0, length), 0, UNANCHORED, 0) != null}.
     */
    private static MethodHandle searchWithoutCaptures() {
        try {
            Class<?> re2 = Class.forName("com.google.re2j.RE2");
            Class<?> machineInput = Class.forName("com.google.re2j.MachineInput");
            MethodHandles.Lookup re2Lookup = MethodHandles.privateLookupIn(re2, MethodHandles.lookup());
            // (RE2, MachineInput, pos, anchor, ncap) -> int[]; null when there is no match.
            MethodHandle execute = re2Lookup.findVirtual(re2, "doExecute",
                    MethodType.methodType(int[].class, machineInput, int.class, int.class, int.class));
            MethodHandle search = MethodHandles.insertArguments(execute, 2, 0, 0, 0);
            MethodHandle input = MethodHandles.insertArguments(
                    MethodHandles.privateLookupIn(machineInput, MethodHandles.lookup()).findStatic(machineInput,
                            "fromUTF8", MethodType.methodType(machineInput, byte[].class, int.class, int.class)),
                    1, 0);
            MethodHandle re2OfPattern = MethodHandles.privateLookupIn(Pattern.class, MethodHandles.lookup())
                    .findVirtual(Pattern.class, "re2", MethodType.methodType(re2));
            MethodHandle found = MethodHandles.lookup().findStatic(RegexMatcher.class, "found",
                    MethodType.methodType(boolean.class, int[].class));
            MethodHandle overRange = MethodHandles.collectArguments(search, 1, input);
            return MethodHandles.filterReturnValue(MethodHandles.filterArguments(overRange, 0, re2OfPattern), found);
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            return null;
        }
    }

    private static boolean found(int[] match) {
        return match != null;
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
        if (SEARCH_WITHOUT_CAPTURES == null) {
            final byte[] value = new byte[length];
            buffer.getBytes(offset, value);
            return findWithMatcher(value);
        }
        byte[] value = VALUE_COPY.get();
        if (value.length < length) {
            value = new byte[Math.max(length, 2 * value.length)];
            VALUE_COPY.set(value);
        }
        buffer.getBytes(offset, value, 0, length);
        try {
            return (boolean) SEARCH_WITHOUT_CAPTURES.invokeExact(pattern, value, length);
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
