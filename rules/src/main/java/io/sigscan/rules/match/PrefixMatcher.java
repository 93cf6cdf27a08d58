package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.UncheckedReads;

/** Sigma's {@code startswith} ({@code lit*}): the value begins with the needle. */
final class PrefixMatcher extends ValueMatcher {
    private final byte[] needle;
    private final int[] tokens;
    private final boolean fold;

    /** {@code needle}: UTF-8, lower-cased and ASCII when folding; {@code tokens}: the glob fallback. */
    PrefixMatcher(byte[] needle, int[] tokens, boolean fold) {
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
            return length >= count && Utf8.bytesEqual(buffer, offset, needle);
        }
        for (int i = 0; i < count; i++) {
            if (i == length) {
                return false;
            }
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
        return "startswith(" + new String(needle, java.nio.charset.StandardCharsets.UTF_8) + (fold ? ")" : ", cased)");
    }
}
