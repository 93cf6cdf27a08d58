package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.UncheckedReads;

/** A plain Sigma value: the whole field value equals the needle. */
final class ExactMatcher extends ValueMatcher {
    private final byte[] needle;
    private final int[] tokens;
    private final boolean fold;

    /** {@code needle}: UTF-8, lower-cased and ASCII when folding; {@code tokens}: the glob fallback. */
    ExactMatcher(byte[] needle, int[] tokens, boolean fold) {
        this.needle = needle;
        this.tokens = tokens;
        this.fold = fold;
    }

    @Override
    public int cost() {
        return BOUNDED;
    }

    @Override
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        final byte[] needle = this.needle;
        final int count = needle.length;
        if (!fold) {
            return length == count && Utf8.bytesEqual(buffer, offset, needle);
        }
        if (length != count) {
            // Only a character such as 'K' (3 bytes, folds to 'k') makes a match longer in bytes.
            return length > count && length <= Utf8.MAX_BYTES_FOLDING_TO_ONE_ASCII * count
                    && Utf8.hasByteFoldingToAscii(buffer, offset, length)
                    && Glob.matches(tokens, true, buffer, offset, length);
        }
        for (int i = 0; i < count; i++) {
            final int b = UncheckedReads.getByte(buffer, offset + i);
            if (b < 0) {
                return Utf8.MAY_FOLD_TO_ASCII[b & 0xFF] && Glob.matches(tokens, true, buffer, offset, length);
            }
            if (Utf8.foldAsciiByte(b) != needle[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "exact(" + new String(needle, java.nio.charset.StandardCharsets.UTF_8) + (fold ? ")" : ", cased)");
    }
}
