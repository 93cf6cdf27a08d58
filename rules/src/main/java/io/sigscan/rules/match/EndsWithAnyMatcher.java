package io.sigscan.rules.match;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.agrona.DirectBuffer;

import io.sigscan.rules.ir.ValueTest;

/**
 * Several case-insensitive {@code endswith} tests on one field, OR-ed, in one backward pass over
 * the end of the value: rules such as DLL side-loading list hundreds of file names, and testing
 * them one by one costs hundreds of comparisons per event. Walking back from the last byte, a
 * hash of the folded suffix is kept; at each length some needle has, one probe of a small
 * open-addressing table says whether a needle of that length and hash exists, and a byte
 * comparison confirms it. A value with a non-ASCII byte among its last bytes (which may hold a
 * character whose case is ASCII, like the Kelvin sign) is tested with the exact matchers instead.
 */
public final class EndsWithAnyMatcher extends MergedTestsMatcher {
    private static final int MULTIPLIER = 0x01000193;

    private final byte[][] needles;
    /** Whether some needle has this length. */
    private final boolean[] lengthUsed;
    /** Open addressing: needle index + 1 by hash of (suffix hash, length); 0 = empty. */
    private final int[] table;

    private EndsWithAnyMatcher(byte[][] needles, boolean[] lengthUsed, int[] table, List<ValueTest> tests) {
        super(tests);
        this.needles = needles;
        this.lengthUsed = lengthUsed;
        this.table = table;
    }

    /**
     * The lower-cased needle of {@code test} when it is a case-insensitive {@code endswith} of
     * ASCII text ({@code *text}, no other wildcard), which this matcher can merge; null otherwise.
     */
    public static String mergeableNeedle(ValueTest test) {
        return asciiLiteral(test, false);
    }

    /** One matcher for all of {@code tests}, each of which has a {@link #mergeableNeedle}. */
    public static EndsWithAnyMatcher of(List<ValueTest> tests) {
        List<byte[]> needles = distinctNeedles(tests, EndsWithAnyMatcher::mergeableNeedle).stream()
                .map(needle -> needle.getBytes(StandardCharsets.US_ASCII)).toList();
        int longest = needles.stream().mapToInt(needle -> needle.length).max().orElse(0);
        boolean[] lengthUsed = new boolean[longest + 1];
        int size = Integer.highestOneBit(Math.max(4, needles.size() * 4) - 1) << 1;
        int[] table = new int[size];
        for (int n = 0; n < needles.size(); n++) {
            byte[] needle = needles.get(n);
            lengthUsed[needle.length] = true;
            int hash = 0;
            for (int i = needle.length - 1; i >= 0; i--) {
                hash = (hash ^ needle[i]) * MULTIPLIER;
            }
            int at = slot(hash, needle.length, size);
            while (table[at] != 0) {
                at = (at + 1) & (size - 1);
            }
            table[at] = n + 1;
        }
        return new EndsWithAnyMatcher(needles.toArray(new byte[0][]), lengthUsed, table, tests);
    }

    private static int slot(int suffixHash, int length, int size) {
        int h = (suffixHash + length) * 0x9E3779B1;
        return (h ^ (h >>> 16)) & (size - 1);
    }

    @Override
    public int cost() {
        return BOUNDED;
    }

    @Override
    public boolean matches(DirectBuffer buffer, int offset, int length) {
        final boolean[] used = lengthUsed;
        final int longest = Math.min(used.length - 1, length);
        final int end = offset + length;
        int hash = 0;
        for (int i = 1; i <= longest; i++) {
            final byte b = buffer.getByte(end - i);
            if (b < 0) {
                return anyExactMatches(buffer, offset, length);
            }
            hash = (hash ^ Utf8.foldAsciiByte(b)) * MULTIPLIER;
            if (used[i] && found(hash, i, buffer, end)) {
                return true;
            }
        }
        return false;
    }

    private boolean found(int hash, int length, DirectBuffer buffer, int end) {
        final int mask = table.length - 1;
        for (int at = slot(hash, length, table.length); table[at] != 0; at = (at + 1) & mask) {
            final byte[] needle = needles[table[at] - 1];
            if (needle.length == length && suffixEquals(buffer, end - length, needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean suffixEquals(DirectBuffer buffer, int start, byte[] needle) {
        for (int k = 0; k < needle.length; k++) {
            if (Utf8.foldAsciiByte(buffer.getByte(start + k)) != needle[k]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "endswith-any(" + mergedTests() + " needles)";
    }
}
