package io.sigscan.engine.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.ByteWords;
import io.sigscan.rules.event.UncheckedReads;

/**
 * Decoding of JSON string escapes into UTF-8. Input is already validated by the parser (every
 * backslash starts a legal escape), so decoding cannot fail; unpaired surrogates become U+FFFD.
 * The decoded form is never longer than the escaped one.
 */
final class JsonStrings {
    private static final long BACKSLASHES = ByteWords.repeated('\\');
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private JsonStrings() {
    }

    /** Decodes the escaped bytes {@code [from, end)} into {@code out} at {@code at}; returns the bytes written. */
    static int unescape(DirectBuffer in, int from, int end, byte[] out, int at) {
        UncheckedReads.checkRange(in, from, end);
        int o = at;
        int p = from;
        while (p < end) {
            // Eight bytes at a time up to the next backslash: Windows paths have one every few
            // bytes, script blocks long runs without. All eight are stored; those past the
            // backslash are overwritten next or lie past the end of what is returned.
            if (p + 8 <= end && o + 8 <= out.length) {
                final long word = UncheckedReads.getLongLittleEndian(in, p);
                LONGS.set(out, o, word);
                // The lowest flagged byte is exactly the first backslash.
                final long backslashes = ByteWords.zeroBytes(word ^ BACKSLASHES);
                if (backslashes == 0) {
                    p += 8;
                    o += 8;
                    continue;
                }
                final int run = Long.numberOfTrailingZeros(backslashes) >>> 3;
                p += run;
                o += run;
            }
            byte c = UncheckedReads.getByte(in, p);
            if (c != '\\') {
                out[o++] = c;
                p++;
                continue;
            }
            byte e = UncheckedReads.getByte(in, p + 1);
            p += 2;
            switch (e) {
                case 'b' -> out[o++] = '\b';
                case 'f' -> out[o++] = '\f';
                case 'n' -> out[o++] = '\n';
                case 'r' -> out[o++] = '\r';
                case 't' -> out[o++] = '\t';
                case 'u' -> {
                    int unit = hex4(in, p);
                    p += 4;
                    int codePoint = unit;
                    if (Character.isHighSurrogate((char) unit)) {
                        if (p + 5 < end && UncheckedReads.getByte(in, p) == '\\'
                                && UncheckedReads.getByte(in, p + 1) == 'u'
                                && Character.isLowSurrogate((char) hex4(in, p + 2))) {
                            codePoint = Character.toCodePoint((char) unit, (char) hex4(in, p + 2));
                            p += 6;
                        } else {
                            codePoint = 0xFFFD;
                        }
                    } else if (Character.isLowSurrogate((char) unit)) {
                        codePoint = 0xFFFD;
                    }
                    o = putUtf8(codePoint, out, o);
                }
                default -> out[o++] = e; // '"', '\\', '/'
            }
        }
        return o - at;
    }

    static boolean isHexDigit(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int hex4(DirectBuffer in, int p) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int c = UncheckedReads.getByte(in, p + i);
            int digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            value = (value << 4) | digit;
        }
        return value;
    }

    private static int putUtf8(int cp, byte[] out, int o) {
        if (cp < 0x80) {
            out[o++] = (byte) cp;
        } else if (cp < 0x800) {
            out[o++] = (byte) (0xC0 | (cp >>> 6));
            out[o++] = (byte) (0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out[o++] = (byte) (0xE0 | (cp >>> 12));
            out[o++] = (byte) (0x80 | ((cp >>> 6) & 0x3F));
            out[o++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            out[o++] = (byte) (0xF0 | (cp >>> 18));
            out[o++] = (byte) (0x80 | ((cp >>> 12) & 0x3F));
            out[o++] = (byte) (0x80 | ((cp >>> 6) & 0x3F));
            out[o++] = (byte) (0x80 | (cp & 0x3F));
        }
        return o;
    }
}
