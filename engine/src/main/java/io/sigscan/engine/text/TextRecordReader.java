package io.sigscan.engine.text;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;

import io.sigscan.engine.record.ByteScan;
import io.sigscan.engine.record.RecordConsumer;
import io.sigscan.engine.record.RecordProblemSink;
import io.sigscan.engine.record.RecordReader;
import io.sigscan.engine.record.RenderedEvents;
import io.sigscan.rules.event.EventView;

/**
 * Reads the lines of a chunk. A trailing {@code '\r'} is not part of the line; blank lines (only
 * spaces, tabs or nothing) are not events; lines longer than the maximum are reported as
 * {@code too-long} and skipped.
 */
final class TextRecordReader implements RecordReader {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LINE_START = "{\"line\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LINE_END = "\"}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNICODE_ESCAPE = "\\u00".getBytes(StandardCharsets.US_ASCII);

    private final LineEventView view = new LineEventView();
    private final int maxRecordBytes;

    private DirectBuffer buffer;
    private int end;
    private int position;
    private int lineStart;
    private int lineLength;
    private long lineIndex;
    private long lineBreaksSeen;
    private RecordProblemSink problems;

    TextRecordReader(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public void read(DirectBuffer buffer, int start, int end, RecordProblemSink problems, RecordConsumer records) {
        reset(buffer, start, end, problems);
        while (next()) {
            records.onRecord(this);
        }
    }

    private void reset(DirectBuffer buffer, int start, int end, RecordProblemSink problems) {
        this.buffer = buffer;
        this.end = end;
        this.position = start;
        this.problems = problems;
        this.lineIndex = 0;
        this.lineBreaksSeen = 0;
    }

    /** Moves to the next good record; false when the chunk is exhausted. */
    private boolean next() {
        final DirectBuffer in = buffer;
        final int chunkEnd = end;
        while (position < chunkEnd) {
            final int start = position;
            final int newline = ByteScan.indexOfNewline(in, start, chunkEnd);
            final int stop = newline < 0 ? chunkEnd : newline;
            position = stop + 1;
            final long index = lineBreaksSeen;
            if (newline >= 0) {
                lineBreaksSeen++;
            }
            int length = stop - start;
            if (length > 0 && in.getByte(stop - 1) == '\r') {
                length--;
            }
            if (length > maxRecordBytes) {
                problems.onRecordProblem(start, index, RecordProblemSink.TOO_LONG, "line longer than " + maxRecordBytes
                        + " bytes (the maximum record size) skipped: " + ByteScan.quote(in, start, chunkEnd));
                continue;
            }
            if (isBlank(in, start, length)) {
                continue;
            }
            lineStart = start;
            lineLength = length;
            lineIndex = index;
            view.wrap(in, start, length);
            return true;
        }
        position = chunkEnd;
        return false;
    }

    private static boolean isBlank(DirectBuffer in, int start, int length) {
        for (int i = 0; i < length; i++) {
            byte c = in.getByte(start + i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    @Override
    public EventView view() {
        return view;
    }

    @Override
    public int recordOffset() {
        return lineStart;
    }

    @Override
    public long recordLineIndex() {
        return lineIndex;
    }

    @Override
    public long recordId() {
        return 0;
    }

    /** {@code {"line":"..."}} with the line as a JSON string (invalid UTF-8 shown as U+FFFD). */
    @Override
    public void renderJson(RenderedEvents out) {
        final int start = out.length();
        out.append(LINE_START);
        for (int p = lineStart, end = lineStart + lineLength; p < end; p++) {
            final byte c = buffer.getByte(p);
            switch (c) {
                case '"', '\\' -> {
                    out.append((byte) '\\');
                    out.append(c);
                }
                case '\t' -> escaped(out, 't');
                case '\r' -> escaped(out, 'r');
                default -> {
                    if (c >= 0 && c < 0x20) {
                        out.append(UNICODE_ESCAPE);
                        out.append(HEX[c >>> 4]);
                        out.append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append(LINE_END);
        out.replaceInvalidUtf8(start);
    }

    private static void escaped(RenderedEvents out, char letter) {
        out.append((byte) '\\');
        out.append((byte) letter);
    }

    @Override
    public long chunkLineBreaks() {
        return lineBreaksSeen;
    }
}
