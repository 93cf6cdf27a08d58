package io.sigscan.rules.match;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.UncheckedReads;

/**
 * UTF-8 decoding and case folding for the code-point paths, without allocation. A decoded code
 * point and its length in bytes travel packed in one {@code long}: the code point in the low 32
 * bits, the length in the high 32.
 *
 * <p>Malformed input (stray continuation bytes, truncated or overlong sequences, surrogates)
 * decodes one byte at a time to a negative value, {@code -1 - byte}, which equals no needle code
 * point, so hostile bytes never match a literal but still count as one character for {@code ?}.
 */
final class Utf8 {

    /**
     * For each byte value: whether it occurs in the UTF-8 form of a non-ASCII code point whose
     * lower case is ASCII (U+0130 'İ' → 'i', U+212A 'K' → 'k'). Only such bytes can make a
     * non-ASCII haystack byte equal an ASCII needle character after folding; any other
     * non-ASCII byte is a plain mismatch.
     */
    static final boolean[] MAY_FOLD_TO_ASCII;

    /**
     * The longest UTF-8 form of a code point whose lower case is ASCII ('K' takes 3 bytes): a
     * value can match an ASCII needle of n characters only if it has at most this many times n
     * bytes.
     */
    static final int MAX_BYTES_FOLDING_TO_ONE_ASCII;

    static {
        // Derived from the JDK's case tables rather than hard-coded, so a Unicode update is followed.
        boolean[] mayFold = new boolean[256];
        int longest = 1;
        for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.toLowerCase(cp) < 0x80) {
                byte[] form = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                for (byte b : form) {
                    mayFold[b & 0xFF] = true;
                }
                longest = Math.max(longest, form.length);
            }
        }
        MAY_FOLD_TO_ASCII = mayFold;
        MAX_BYTES_FOLDING_TO_ONE_ASCII = longest;
    }

    private Utf8() {
    }

    /** The code point at {@code index} (before {@code end}) and its length, packed; see class doc. */
    static long decode(DirectBuffer buffer, int index, int end) {
        final int b0 = buffer.getByte(index) & 0xFF;
        if (b0 < 0x80) {
            return pack(b0, 1);
        }
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            if (index + 1 < end) {
                final int b1 = buffer.getByte(index + 1) & 0xFF;
                if (isContinuation(b1)) {
                    return pack(((b0 & 0x1F) << 6) | (b1 & 0x3F), 2);
                }
            }
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            if (index + 2 < end) {
                final int b1 = buffer.getByte(index + 1) & 0xFF;
                final int b2 = buffer.getByte(index + 2) & 0xFF;
                final int low = b0 == 0xE0 ? 0xA0 : 0x80;
                final int high = b0 == 0xED ? 0x9F : 0xBF;
                if (b1 >= low && b1 <= high && isContinuation(b2)) {
                    return pack(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F), 3);
                }
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (index + 3 < end) {
                final int b1 = buffer.getByte(index + 1) & 0xFF;
                final int b2 = buffer.getByte(index + 2) & 0xFF;
                final int b3 = buffer.getByte(index + 3) & 0xFF;
                final int low = b0 == 0xF0 ? 0x90 : 0x80;
                final int high = b0 == 0xF4 ? 0x8F : 0xBF;
                if (b1 >= low && b1 <= high && isContinuation(b2) && isContinuation(b3)) {
                    return pack(((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F), 4);
                }
            }
        }
        return pack(-1 - b0, 1);
    }

    static int codePoint(long decoded) {
        return (int) decoded;
    }

    static int length(long decoded) {
        return (int) (decoded >>> 32);
    }

    /** Lower case of a decoded code point; malformed-byte values pass through unchanged. */
    static int fold(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint >= 'A' && codePoint <= 'Z' ? codePoint | 0x20 : codePoint;
        }
        return Character.toLowerCase(codePoint);
    }

    /** ASCII lower case of one byte; non-ASCII bytes are returned unchanged. */
    static int foldAsciiByte(int b) {
        return b >= 'A' && b <= 'Z' ? b | 0x20 : b;
    }

    private static boolean isContinuation(int b) {
        return (b & 0xC0) == 0x80;
    }

    private static long pack(int codePoint, int length) {
        return ((long) length << 32) | (codePoint & 0xFFFFFFFFL);
    }

    /** Whether any of the bytes is one {@link #MAY_FOLD_TO_ASCII} marks. */
    static boolean hasByteFoldingToAscii(DirectBuffer buffer, int offset, int length) {
        final boolean[] table = MAY_FOLD_TO_ASCII;
        for (int i = offset, end = offset + length; i < end; i++) {
            if (table[buffer.getByte(i) & 0xFF]) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of the bytes is not ASCII. */
    static boolean hasNonAscii(DirectBuffer buffer, int offset, int length) {
        final int end = offset + length;
        int i = offset;
        // Eight bytes at a time: a non-ASCII byte has its top bit set.
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            if ((UncheckedReads.getLongLittleEndian(buffer, i) & 0x8080808080808080L) != 0) {
                return true;
            }
        }
        for (; i < end; i++) {
            if (UncheckedReads.getByte(buffer, i) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the bytes at {@code offset} start with all of {@code needle}; the caller checks the length. */
    static boolean bytesEqual(DirectBuffer buffer, int offset, byte[] needle) {
        for (int i = 0; i < needle.length; i++) {
            if (UncheckedReads.getByte(buffer, offset + i) != needle[i]) {
                return false;
            }
        }
        return true;
    }
}
