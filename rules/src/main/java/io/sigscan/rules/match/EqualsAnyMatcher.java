package io.sigscan.rules.match;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.UncheckedReads;
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
    private final FoldedNeedleTable needles;
    /** Longest value, in bytes, that characters folding to ASCII could make equal to a needle. */
    private final int longestFolding;

    private EqualsAnyMatcher(FoldedNeedleTable needles, List<ValueTest> tests) {
        super(tests);
        this.needles = needles;
        this.longestFolding = needles.longest() * Utf8.MAX_BYTES_FOLDING_TO_ONE_ASCII;
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
        return new EqualsAnyMatcher(new FoldedNeedleTable(needles, false), tests);
    }

    @Override
    public int cost() {
        return BOUNDED;
    }

    @Override
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        if (!needles.hasLength(length)) {
            // No needle has this many bytes: only characters folding to ASCII from longer forms
            // (the Kelvin sign is three bytes for 'k') could still make the value equal one.
            return length <= longestFolding && Utf8.hasByteFoldingToAscii(buffer, offset, length)
                    && anyExactMatches(buffer, offset, length);
        }
        int hash = 0;
        final int end = offset + length;
        for (int i = offset; i < end; i++) {
            final byte b = UncheckedReads.getByte(buffer, i);
            if (b < 0) {
                return anyExactMatches(buffer, offset, length);
            }
            hash = FoldedNeedleTable.hash(hash, Utf8.foldAsciiByte(b));
        }
        return needles.contains(hash, buffer, offset, length);
    }

    @Override
    public String toString() {
        return "equals-any(" + mergedTests() + " needles)";
    }
}
