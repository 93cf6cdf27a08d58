package io.sigscan.engine.json;

import org.agrona.DirectBuffer;

import io.sigscan.engine.record.ByteScan;
import io.sigscan.engine.record.RecordFormat;
import io.sigscan.engine.record.RecordReader;
import io.sigscan.rules.event.FieldTable;

/**
 * JSON inputs, in one of two layouts decided per input from its first record:
 * <ul>
 *   <li>{@link #LINES}: one object per line (JSON lines / NDJSON). Records start after any line
 *       break. A broken line is reported and reading resumes at the next line. Chosen when the
 *       first object ends on the line it starts on.</li>
 *   <li>{@link #CONCATENATED}: objects back to back, typically pretty-printed (as
 *       {@code evtx_dump} and the SigmaHQ regression data write them). Records start at a
 *       {@code '{'} in the first column, which is where every pretty-printer puts a top-level
 *       object and never a nested one. After a broken record, reading resumes at the next such
 *       {@code '{'}. Objects back to back on one line are read too, but cannot be split between
 *       chunks.</li>
 * </ul>
 */
public final class JsonFormat implements RecordFormat {

    public static final JsonFormat LINES = new JsonFormat(true);
    public static final JsonFormat CONCATENATED = new JsonFormat(false);

    private final boolean lines;

    private JsonFormat(boolean lines) {
        this.lines = lines;
    }

    /**
     * The layout of the JSON input whose first record starts at {@code start} (a {@code '{'}):
     * {@link #LINES} when that object is valid and ends on its first line, else {@link #CONCATENATED}.
     */
    public static JsonFormat detect(DirectBuffer buffer, int start, int end, int maxRecordBytes) {
        int lineEnd = ByteScan.indexOfNewline(buffer, start, (int) Math.min(end, (long) start + maxRecordBytes));
        if (lineEnd < 0) {
            lineEnd = end;
        }
        JsonEventView probe = new JsonEventView(FieldTable.builder().build());
        return probe.wrap(buffer, start, lineEnd) >= 0 ? LINES : CONCATENATED;
    }

    @Override
    public String name() {
        return lines ? "json-lines" : "json-concatenated";
    }

    @Override
    public boolean hasLines() {
        return true;
    }

    @Override
    public int nextRecordStart(DirectBuffer buffer, long base, int from, int end) {
        return nextRecordStart(buffer, from, end);
    }

    /** Record starts depend only on the bytes around them, never on their position in the input. */
    int nextRecordStart(DirectBuffer buffer, int from, int end) {
        int p = ByteScan.nextLineStart(buffer, from, end);
        if (!lines) {
            while (p >= 0 && buffer.getByte(p) != '{') {
                p = ByteScan.nextLineStart(buffer, p + 1, end);
            }
        }
        return p;
    }

    @Override
    public int lastRecordStart(DirectBuffer buffer, long base, int start, int end) {
        int p = ByteScan.lastLineStart(buffer, start, end);
        if (!lines) {
            while (p >= 0 && buffer.getByte(p) != '{') {
                p = ByteScan.lastLineStart(buffer, start, p);
            }
        }
        return p;
    }

    /**
     * JSON lines: after the last line break. Concatenated objects: after the last line that starts
     * with {@code '}'}, which is where pretty-printers close a top-level object.
     */
    @Override
    public int lastRecordEnd(DirectBuffer buffer, long base, int start, int end) {
        int newline = ByteScan.lastIndexOfNewline(buffer, start, end);
        if (!lines) {
            while (newline >= 0) {
                int previous = ByteScan.lastIndexOfNewline(buffer, start, newline);
                int lineStart = previous < 0 ? start : previous + 1;
                if (buffer.getByte(lineStart) == '}') {
                    break;
                }
                newline = previous;
            }
        }
        return newline < 0 ? start : newline + 1;
    }

    @Override
    public RecordReader newReader(FieldTable fields, int maxRecordBytes) {
        return new JsonRecordReader(this, new JsonEventView(fields), maxRecordBytes);
    }

    boolean lines() {
        return lines;
    }

    @Override
    public String toString() {
        return name();
    }
}
