package io.sigscan.rules.match;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.agrona.DirectBuffer;

import io.sigscan.rules.ir.ValueTest;

/**
 * Several case-insensitive plain values on one field, OR-ed, as one hash lookup: rules list
 * dozens of ports, original file names or account names, and testing them one by one costs a
 * comparison each per event. The value's folded bytes are hashed once, one probe of a small
 * open-addressing table finds the needle of that length and hash, and a byte comparison
 * confirms it. A value holding a non-ASCII byte (which may be a character whose case is ASCII,
 * like the Kelvin sign) is tested with the exact matchers instead.
 */
public final class EqualsAnyMatcher extends MergedTestsMatcher {
    private static final int MULTIPLIER = 0x01000193;

    private final byte[][] needles;
    /** Whether some needle has this length. */
    private final boolean[] lengthUsed;
    /** Longest value, in bytes, that characters folding to ASCII could make equal to a needle. */
    private final int longestFolding;
    /** Open addressing: needle index + 1 by hash of the folded value; 0 = empty. */
    private final int[] table;

    private EqualsAnyMatcher(byte[][] needles, boolean[] lengthUsed, int[] table, List<ValueTest> tests) {
        super(tests);
        this.needles = needles;
        this.lengthUsed = lengthUsed;
        this.longestFolding = (lengthUsed.length - 1) * Utf8.MAX_BYTES_FOLDING_TO_ONE_ASCII;
        this.table = table;
    }

    /**
     * The lower-cased needle of {@code test} when it is a case-insensitive plain value of ASCII
     * text with no wildcard, which this matcher can merge; null otherwise.
     */
    public static String mergeableNeedle(ValueTest test) {
        if (!(test instanceof ValueTest.Pattern pattern) || pattern.cased()) {
            return null;
        }
        List<ValueTest.Part> parts = PatternMatchers.normalise(pattern.parts());
        if (parts.size() != 1 || !(parts.get(0) instanceof ValueTest.Literal literal) || literal.text().isEmpty()) {
            return null;
        }
        for (int i = 0; i < literal.text().length(); i++) {
            if (literal.text().charAt(i) >= 0x80) {
                return null;
            }
        }
        return literal.text().toLowerCase(Locale.ROOT);
    }

    /** One matcher for all of {@code tests}, each of which has a {@link #mergeableNeedle}. */
    public static EqualsAnyMatcher of(List<ValueTest> tests) {
        List<byte[]> needles = distinctNeedles(tests, EqualsAnyMatcher::mergeableNeedle).stream()
                .map(needle -> needle.getBytes(StandardCharsets.US_ASCII)).toList();
        int longest = needles.stream().mapToInt(needle -> needle.length).max().orElse(0);
        boolean[] lengthUsed = new boolean[longest + 1];
        int size = Integer.highestOneBit(Math.max(4, needles.size() * 4) - 1) << 1;
        int[] table = new int[size];
        for (int n = 0; n < needles.size(); n++) {
            byte[] needle = needles.get(n);
            lengthUsed[needle.length] = true;
            int hash = 0;
            for (byte b : needle) {
                hash = (hash ^ b) * MULTIPLIER;
            }
            int at = slot(hash, size);
            while (table[at] != 0) {
                at = (at + 1) & (size - 1);
            }
            table[at] = n + 1;
        }
        return new EqualsAnyMatcher(needles.toArray(new byte[0][]), lengthUsed, table, tests);
    }

    private static int slot(int hash, int size) {
        int h = hash * 0x9E3779B1;
        return (h ^ (h >>> 16)) & (size - 1);
    }

    @Override
    public int cost() {
        return BOUNDED;
    }

    @Override
    public boolean matches(DirectBuffer buffer, int offset, int length) {
        if (length >= lengthUsed.length || !lengthUsed[length]) {
            // No needle has this many bytes: only characters folding to ASCII from longer forms
            // (the Kelvin sign is three bytes for 'k') could still make the value equal one.
            return length <= longestFolding && Utf8.hasByteFoldingToAscii(buffer, offset, length)
                    && anyExactMatches(buffer, offset, length);
        }
        int hash = 0;
        final int end = offset + length;
        for (int i = offset; i < end; i++) {
            final byte b = buffer.getByte(i);
            if (b < 0) {
                return anyExactMatches(buffer, offset, length);
            }
            hash = (hash ^ Utf8.foldAsciiByte(b)) * MULTIPLIER;
        }
        final int mask = table.length - 1;
        for (int at = slot(hash, table.length); table[at] != 0; at = (at + 1) & mask) {
            final byte[] needle = needles[table[at] - 1];
            if (needle.length == length && foldedEquals(buffer, offset, needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean foldedEquals(DirectBuffer buffer, int start, byte[] needle) {
        for (int k = 0; k < needle.length; k++) {
            if (Utf8.foldAsciiByte(buffer.getByte(start + k)) != needle[k]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "equals-any(" + mergedTests() + " needles)";
    }
}
