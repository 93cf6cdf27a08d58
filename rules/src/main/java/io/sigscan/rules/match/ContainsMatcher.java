package io.sigscan.rules.match;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.ByteWords;
import io.sigscan.rules.event.UncheckedReads;

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
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        return fold ? foldedSearch(buffer, offset, length) : byteSearch(buffer, offset, length);
    }

    private boolean byteSearch(DirectBuffer buffer, int offset, int length) {
        final byte[] needle = this.needle;
        final byte first = needle[0];
        final int lastStart = offset + length - needle.length;
        for (int start = offset; start <= lastStart; start++) {
            if (UncheckedReads.getByte(buffer, start) == first && Utf8.bytesEqual(buffer, start, needle)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Search folding ASCII on the fly. Any match must start at or before
     * {@code length - needle.length} (each needle character takes at least one value byte), and
     * the window at a match's start reaches any 'İ'/'K' inside it before leaving the needle, so
     * bailing out to the glob on such a byte is enough to stay exact.
     *
     * <p>Eight bytes are read at a time and the starts where both of the needle's first two
     * bytes match are found with word arithmetic (a script block of 50 KB holds few {@code " -"}
     * but thousands of spaces); blocks holding non-ASCII bytes go byte by byte, so a byte that
     * may fold to ASCII is met exactly where the byte-by-byte search would meet it.
     */
    private boolean foldedSearch(DirectBuffer buffer, int offset, int length) {
        final int lastStart = offset + length - needle.length;
        final int end = offset + length;
        int start = offset;
        if (needle.length >= 2) {
            final long first = ByteWords.repeated(needle[0]);
            final long firstCase = caseBits(needle[0]);
            final long second = ByteWords.repeated(needle[1]);
            final long secondCase = caseBits(needle[1]);
            // Blocks of seven starts: the eighth byte is only the seventh start's second byte.
            for (; start + 8 <= end && start <= lastStart; start += 7) {
                final long word = UncheckedReads.getLongLittleEndian(buffer, start);
                int found;
                if ((word & HIGHS) != 0) {
                    found = startsFrom(buffer, offset, length, start, Math.min(start + 7, lastStart + 1));
                } else {
                    found = NO_MATCH;
                    long starts = ByteWords.exactZeroBytes((word | firstCase) ^ first)
                            & (ByteWords.exactZeroBytes((word | secondCase) ^ second) >>> 8);
                    while (starts != 0 && found == NO_MATCH) {
                        final int at = start + (Long.numberOfTrailingZeros(starts) >>> 3);
                        found = at > lastStart ? NO_MATCH : matchAt(buffer, at);
                        starts &= starts - 1;
                    }
                }
                if (found != NO_MATCH) {
                    return found == MATCH || Glob.matches(tokens, true, buffer, offset, length);
                }
            }
        }
        final int found = startsFrom(buffer, offset, length, start, lastStart + 1);
        return found == MATCH || found == FOLDS_TO_ASCII && Glob.matches(tokens, true, buffer, offset, length);
    }

    private static final int NO_MATCH = 0;
    private static final int MATCH = 1;
    /** A byte that may fold to ASCII was met: only the glob can decide. */
    private static final int FOLDS_TO_ASCII = 2;
    private static final long HIGHS = 0x8080808080808080L;

    /** Bit 5 in every byte when {@code c} is a lower-case letter: OR-ed into a value's bytes, it folds their case. */
    private static long caseBits(byte c) {
        return c >= 'a' && c <= 'z' ? ByteWords.repeated(0x20) : 0;
    }

    /** The byte-by-byte search over starts {@code [from, to)}. */
    private int startsFrom(DirectBuffer buffer, int offset, int length, int from, int to) {
        final boolean[] mayFold = Utf8.MAY_FOLD_TO_ASCII;
        final int first = needle[0];
        for (int start = from; start < to; start++) {
            final int b0 = UncheckedReads.getByte(buffer, start);
            if (b0 < 0) {
                if (mayFold[b0 & 0xFF]) {
                    return FOLDS_TO_ASCII;
                }
                continue;
            }
            if (Utf8.foldAsciiByte(b0) == first) {
                final int found = matchAt(buffer, start);
                if (found != NO_MATCH) {
                    return found;
                }
            }
        }
        return NO_MATCH;
    }

    /** Whether the needle occurs at {@code start}, whose first byte is known to match; the caller checked it fits. */
    private int matchAt(DirectBuffer buffer, int start) {
        final byte[] needle = this.needle;
        for (int i = 1; i < needle.length; i++) {
            final int b = UncheckedReads.getByte(buffer, start + i);
            if (b < 0) {
                return Utf8.MAY_FOLD_TO_ASCII[b & 0xFF] ? FOLDS_TO_ASCII : NO_MATCH;
            }
            if (Utf8.foldAsciiByte(b) != needle[i]) {
                return NO_MATCH;
            }
        }
        return MATCH;
    }

    @Override
    public String toString() {
        return "contains(" + new String(needle, java.nio.charset.StandardCharsets.UTF_8) + (fold ? ")" : ", cased)");
    }
}
