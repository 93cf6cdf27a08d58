package io.sigscan.engine.record;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.ByteWords;

/**
 * Byte searches over buffers shared by the readers and the splitter. Hot path: these run over every
 * byte of the input, eight bytes per step where the layout allows.
 */
public final class ByteScan {
    private static final long NEWLINES = ByteWords.repeated('\n');
    /** Longest excerpt of a bad record quoted in a message. */
    public static final int QUOTE_BYTES = 80;

    private ByteScan() {
    }

    /** Index of the first {@code '\n'} in {@code [from, end)}, or -1. */
    public static int indexOfNewline(DirectBuffer buffer, int from, int end) {
        int p = from;
        final int wordEnd = end - 7;
        while (p < wordEnd) {
            long word = buffer.getLong(p, java.nio.ByteOrder.LITTLE_ENDIAN) ^ NEWLINES;
            long found = ByteWords.zeroBytes(word);
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            p += 8;
        }
        while (p < end) {
            if (buffer.getByte(p) == '\n') {
                return p;
            }
            p++;
        }
        return -1;
    }

    /** Index of the last {@code '\n'} in {@code [start, end)}, or -1. */
    public static int lastIndexOfNewline(DirectBuffer buffer, int start, int end) {
        for (int p = end - 1; p >= start; p--) {
            if (buffer.getByte(p) == '\n') {
                return p;
            }
        }
        return -1;
    }

    /** The smallest line start {@code p} (just after a {@code '\n'}) with {@code from <= p < end}, or -1. */
    public static int nextLineStart(DirectBuffer buffer, int from, int end) {
        int newline = indexOfNewline(buffer, Math.max(from - 1, 0), end - 1);
        return newline < 0 ? -1 : newline + 1;
    }

    /** The largest line start {@code p} with {@code start < p < end}, or -1. */
    public static int lastLineStart(DirectBuffer buffer, int start, int end) {
        int newline = lastIndexOfNewline(buffer, start, end - 1);
        return newline < 0 ? -1 : newline + 1;
    }

    /** Number of {@code '\n'} bytes in {@code [from, end)}. */
    public static long countNewlines(DirectBuffer buffer, int from, int end) {
        long count = 0;
        int p = from;
        final int wordEnd = end - 7;
        while (p < wordEnd) {
            long word = buffer.getLong(p, java.nio.ByteOrder.LITTLE_ENDIAN) ^ NEWLINES;
            // Exact per-byte zero test (no borrow between bytes), so every newline counts once.
            long zeroHigh = ByteWords.exactZeroBytes(word);
            count += Long.bitCount(zeroHigh);
            p += 8;
        }
        while (p < end) {
            if (buffer.getByte(p) == '\n') {
                count++;
            }
            p++;
        }
        return count;
    }

    /**
     * Up to {@link #QUOTE_BYTES} bytes from {@code from}, stopping at a line break or {@code end},
     * as text for a message: control characters shown as {@code ?}, {@code ...} appended when cut.
     */
    public static String quote(DirectBuffer buffer, int from, int end) {
        int stop = Math.min(end, from + QUOTE_BYTES);
        int lineEnd = indexOfNewline(buffer, from, stop);
        boolean cut = stop < end;
        if (lineEnd >= 0) {
            stop = lineEnd;
            cut = false;
        }
        if (stop > from && buffer.getByte(stop - 1) == '\r') {
            stop--;
        }
        // Do not cut a UTF-8 sequence in half.
        if (cut) {
            while (stop > from && (buffer.getByte(stop) & 0xC0) == 0x80) {
                stop--;
            }
        }
        byte[] bytes = new byte[stop - from];
        buffer.getBytes(from, bytes);
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xFF) < 0x20 || bytes[i] == 0x7F) {
                bytes[i] = '?';
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return cut ? text + "..." : text;
    }
}
