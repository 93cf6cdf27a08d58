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

    public void append(byte[] source) {
        bytes.putBytes(length, source);
        length += source.length;
    }

    /** Appends {@code text} as UTF-8; allocates its bytes, so only for text that is not known in advance. */
    public void appendUtf8(String text) {
        length += bytes.putStringWithoutLengthUtf8(length, text);
    }

    /**
     * Rewrites what was appended from {@code from} on with each malformed UTF-8 sequence as
     * U+FFFD, as a decoder reads it, so that the output stays UTF-8; well-formed bytes (checked
     * without allocating) are left as they are.
     */
    public void replaceInvalidUtf8(int from) {
        if (Utf8.firstMalformed(bytes, from, length) >= 0) {
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
}
