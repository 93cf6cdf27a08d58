package io.sigscan.engine.record;

import org.agrona.DirectBuffer;

/** Checks bytes for well-formed UTF-8 without decoding them: input is compared as bytes, written as text. */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * Where the first malformed sequence of {@code [from, to)} of {@code source} starts (a stray
     * continuation byte, a truncated, overlong or surrogate sequence, a code point above
     * U+10FFFF), or -1 when it is all well-formed UTF-8. ASCII runs are checked eight bytes at a
     * time.
     */
    public static int firstMalformed(DirectBuffer source, int from, int to) {
        int p = from;
        while (p < to) {
            if (p + 8 <= to && (source.getLong(p) & 0x8080808080808080L) == 0) {
                p += 8;
                continue;
            }
            final int lead = source.getByte(p) & 0xFF;
            if (lead < 0x80) {
                p++;
                continue;
            }
            final int continuations;
            int min;
            int max = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                continuations = 1;
                min = 0x80;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuations = 2;
                min = lead == 0xE0 ? 0xA0 : 0x80; // no overlong form
                max = lead == 0xED ? 0x9F : 0xBF; // no surrogate
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuations = 3;
                min = lead == 0xF0 ? 0x90 : 0x80; // no overlong form
                max = lead == 0xF4 ? 0x8F : 0xBF; // nothing past U+10FFFF
            } else {
                return p;
            }
            if (p + continuations >= to) {
                return p; // truncated
            }
            for (int k = 1; k <= continuations; k++) {
                final int next = source.getByte(p + k) & 0xFF;
                if (next < min || next > max) {
                    return p;
                }
                min = 0x80;
                max = 0xBF;
            }
            p += continuations + 1;
        }
        return -1;
    }
}
