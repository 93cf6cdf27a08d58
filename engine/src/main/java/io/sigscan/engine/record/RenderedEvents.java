package io.sigscan.engine.record;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * The matched events of one chunk, each rendered as one line of compact JSON (UTF-8), back to
 * back in one growing buffer. A scan reuses these buffers from chunk to chunk, so that rendering
 * a match allocates nothing once they have grown: {@link #clear} hands a buffer back for reuse and
 * starts a new {@link #generation()}, which tells a match still pointing into it that its bytes
 * are gone. Not thread-safe: written by one worker, then read by the emitting thread.
 */
public final class RenderedEvents {
    private static final int INITIAL_BYTES = 64 * 1024;

    private final ExpandableArrayBuffer bytes = new ExpandableArrayBuffer(INITIAL_BYTES);
    private int length;
    private int generation;

    /** Bytes written since the last {@link #clear}. */
    public int length() {
        return length;
    }

    /** Bytes the buffer can hold without growing. */
    public int capacity() {
        return bytes.capacity();
    }

    /** The bytes; valid in {@code [0, length())} until the next {@link #clear}. */
    public DirectBuffer buffer() {
        return bytes;
    }

    /** Counts the {@link #clear}s: bytes read under one generation are gone in the next. */
    public int generation() {
        return generation;
    }

    /** Forgets every event written: the buffer may now be reused. */
    public void clear() {
        length = 0;
        generation++;
    }

    public void append(byte b) {
        bytes.putByte(length++, b);
    }

    public void append(DirectBuffer source, int offset, int count) {
        bytes.putBytes(length, source, offset, count);
        length += count;
    }

    public void appendUtf8(String text) {
        length += bytes.putStringWithoutLengthUtf8(length, text);
    }

    /**
     * Rewrites what was appended from {@code from} on with each malformed UTF-8 sequence as
     * U+FFFD, as a decoder reads it, so that the output stays UTF-8; well-formed bytes (checked
     * without allocating) are left as they are.
     */
    public void replaceInvalidUtf8(int from) {
        if (!isUtf8(bytes, from, length)) {
            final String decoded = text(from, length - from);
            length = from;
            appendUtf8(decoded);
        }
    }

    /** {@code [offset, offset + count)} as text; allocates. */
    public String text(int offset, int count) {
        byte[] copy = new byte[count];
        bytes.getBytes(offset, copy);
        return new String(copy, StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code [from, to)} of {@code source} is well-formed UTF-8 (no stray continuation
     * byte, no truncated, overlong or surrogate sequence, nothing above U+10FFFF), so that it can
     * be copied to the output as it is. ASCII runs are checked eight bytes at a time.
     */
    static boolean isUtf8(DirectBuffer source, int from, int to) {
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
                return false;
            }
            if (p + continuations >= to) {
                return false; // truncated
            }
            for (int k = 1; k <= continuations; k++) {
                final int next = source.getByte(p + k) & 0xFF;
                if (next < min || next > max) {
                    return false;
                }
                min = 0x80;
                max = 0xBF;
            }
            p += continuations + 1;
        }
        return true;
    }
}
