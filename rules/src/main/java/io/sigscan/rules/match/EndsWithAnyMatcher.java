package io.sigscan.rules.match;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.UncheckedReads;
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
    private final FoldedNeedleTable needles;

    private EndsWithAnyMatcher(FoldedNeedleTable needles, List<ValueTest> tests) {
        super(tests);
        this.needles = needles;
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
        // matches() hashes a suffix from the value's last byte back.
        return new EndsWithAnyMatcher(new FoldedNeedleTable(needles, true), tests);
    }

    @Override
    public int cost() {
        return BOUNDED;
    }

    @Override
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        final FoldedNeedleTable table = needles;
        final int longest = Math.min(table.longest(), length);
        final int end = offset + length;
        int hash = 0;
        for (int i = 1; i <= longest; i++) {
            final byte b = UncheckedReads.getByte(buffer, end - i);
            if (b < 0) {
                return anyExactMatches(buffer, offset, length);
            }
            hash = FoldedNeedleTable.hash(hash, Utf8.foldAsciiByte(b));
            if (table.hasLength(i) && table.contains(hash, buffer, end - i, i)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "endswith-any(" + mergedTests() + " needles)";
    }
}
