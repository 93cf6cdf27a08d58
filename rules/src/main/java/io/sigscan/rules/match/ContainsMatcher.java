package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

/** Sigma's {@code contains} ({@code *lit*}): the needle occurs anywhere in the value. */
final class ContainsMatcher extends ValueMatcher {
    private final byte[] needle;
    private final int[] tokens;
    private final boolean fold;

    /** {@code needle}: UTF-8, never empty, lower-cased and ASCII when folding; {@code tokens}: the glob fallback. */
    ContainsMatcher(byte[] needle, int[] tokens, boolean fold) {
        this.needle = needle;
        this.tokens = tokens;
        this.fold = fold;
    }

    @Override
    public boolean matches(DirectBuffer buffer, int offset, int length) {
        return fold ? foldedSearch(buffer, offset, length) : byteSearch(buffer, offset, length);
    }

    private boolean byteSearch(DirectBuffer buffer, int offset, int length) {
        final byte[] needle = this.needle;
        final byte first = needle[0];
        final int lastStart = offset + length - needle.length;
        for (int start = offset; start <= lastStart; start++) {
            if (buffer.getByte(start) == first && Utf8.bytesEqual(buffer, start, needle)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Naive search folding ASCII on the fly. Any match must start at or before
     * {@code length - needle.length} (each needle character takes at least one value byte), and
     * the window at a match's start reaches any 'İ'/'K' inside it before leaving the needle, so
     * bailing out to the glob on such a byte is enough to stay exact.
     */
    private boolean foldedSearch(DirectBuffer buffer, int offset, int length) {
        final byte[] needle = this.needle;
        final int count = needle.length;
        final boolean[] mayFold = Utf8.MAY_FOLD_TO_ASCII;
        final int first = needle[0];
        final int lastStart = offset + length - count;
        outer:
        for (int start = offset; start <= lastStart; start++) {
            final int b0 = buffer.getByte(start);
            if (b0 < 0) {
                if (mayFold[b0 & 0xFF]) {
                    return Glob.matches(tokens, true, buffer, offset, length);
                }
                continue;
            }
            if (Utf8.foldAsciiByte(b0) != first) {
                continue;
            }
            for (int i = 1; i < count; i++) {
                final int b = buffer.getByte(start + i);
                if (b < 0) {
                    if (mayFold[b & 0xFF]) {
                        return Glob.matches(tokens, true, buffer, offset, length);
                    }
                    continue outer;
                }
                if (Utf8.foldAsciiByte(b) != needle[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return "contains(" + new String(needle, java.nio.charset.StandardCharsets.UTF_8) + (fold ? ")" : ", cased)");
    }
}
