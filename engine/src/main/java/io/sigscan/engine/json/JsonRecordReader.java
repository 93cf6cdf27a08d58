package io.sigscan.engine.json;

import org.agrona.DirectBuffer;

import io.sigscan.engine.record.ByteScan;
import io.sigscan.engine.record.RecordConsumer;
import io.sigscan.engine.record.RecordProblemSink;
import io.sigscan.engine.record.RecordReader;
import io.sigscan.engine.record.RenderedEvents;
import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.UncheckedReads;

/**
 * Reads the JSON records of a chunk through one {@link JsonEventView}. Broken records are reported
 * as {@code bad-json}, records longer than the maximum as {@code too-long}, and records holding
 * bytes that are not UTF-8 as {@code invalid-utf8} (those are evaluated all the same); reading resumes at the
 * next record start of the layout. Line breaks are counted as records are read: those between
 * records while skipping to the next, none inside a record without whitespace (JSON strings cannot
 * hold a raw one); only a spaced record or skipped bad input needs a scan of its bytes, and that
 * only when a line number or the chunk's total is asked for. In JSON lines, a record that fails
 * after reading past its own line is reported at its line's end, and reading resumes on the next
 * line, so a truncated line never takes good ones with it.
 */
final class JsonRecordReader implements RecordReader {
    static final String BAD_JSON = "bad-json";
    static final String INVALID_UTF8 = "invalid-utf8";
    static final String EXPECTED_OBJECT = "expected '{' at the start of a record";
    static final String TRAILING_TEXT = "unexpected text after the object on its line";
    static final String UNFINISHED_LINE = "the line ends before the object does";

    private final JsonFormat format;
    private final JsonEventView view;
    private final int maxRecordBytes;

    private DirectBuffer buffer;
    private int end;
    private int position;
    private int recordStart;
    private RecordProblemSink problems;
    private int countedTo;
    private long lineBreaks;

    JsonRecordReader(JsonFormat format, JsonEventView view, int maxRecordBytes) {
        this.format = format;
        this.view = view;
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
        UncheckedReads.checkRange(buffer, start, end); // next() reads unchecked below the end
        this.buffer = buffer;
        this.end = end;
        this.position = start;
        this.recordStart = start;
        this.problems = problems;
        this.countedTo = start;
        this.lineBreaks = 0;
    }

    /** Moves to the next good record; false when the chunk is exhausted. */
    private boolean next() {
        final DirectBuffer in = buffer;
        final int chunkEnd = end;
        int p = position;
        while (true) {
            final boolean counting = countedTo == p;
            int breaks = 0;
            byte c;
            while (p < chunkEnd && JsonEventView.isWhitespace(c = UncheckedReads.getByte(in, p))) {
                if (c == '\n') {
                    breaks++;
                }
                p++;
            }
            if (counting) {
                lineBreaks += breaks;
                countedTo = p;
            }
            if (p >= chunkEnd) {
                position = chunkEnd;
                return false;
            }
            recordStart = p;
            final int limit = (int) Math.min(chunkEnd, (long) p + maxRecordBytes);
            if (in.getByte(p) != '{') {
                reportBad(EXPECTED_OBJECT, p);
                p = resume(p);
                continue;
            }
            final int after = view.wrap(in, p, limit);
            if (after < 0) {
                final int lineEnd = format.lines() ? ByteScan.indexOfNewline(in, p, Math.min(view.errorOffset(), chunkEnd)) : -1;
                if (lineEnd >= 0) {
                    // A JSON line is one record: a broken one that read on past its line end (a
                    // truncated `{"Image":` takes the next line's object for its value) must not
                    // take the lines it read with it. They are read again, as records of their own.
                    reportBad(UNFINISHED_LINE, lineEnd);
                    p = lineEnd + 1;
                    continue;
                }
                if (view.errorOffset() >= limit && limit < chunkEnd) {
                    reportTooLong();
                    p = resume(limit);
                } else {
                    reportBad(view.errorReason(), view.errorOffset());
                    p = resume(view.errorOffset());
                }
                continue;
            }
            if (format.lines()) {
                int q = after;
                while (q < chunkEnd && isBlank(in.getByte(q))) {
                    q++;
                }
                // Another object on the same line (objects written back to back, or lines ended
                // by a lone carriage return) is the next record, not text to throw both away for.
                if (q < chunkEnd && in.getByte(q) != '\n' && in.getByte(q) != '{') {
                    reportBad(TRAILING_TEXT, q);
                    p = resume(q);
                    continue;
                }
            }
            position = after;
            if (countedTo == recordStart && view.compact()) {
                countedTo = after; // strings cannot hold a raw line break: none inside
            }
            if (view.malformedUtf8Offset() >= 0) {
                reportMalformedUtf8(view.malformedUtf8Offset(), after);
            }
            return true;
        }
    }

    /** Where to go on after a bad record that went wrong at {@code failedAt}. */
    private int resume(int failedAt) {
        int next;
        if (format.lines()) {
            int newline = ByteScan.indexOfNewline(buffer, failedAt, end);
            next = newline < 0 ? -1 : newline + 1;
        } else {
            // A truncated record may have swallowed the next one as a nested value: restart from
            // the broken record's own start, not from where parsing failed.
            next = format.nextRecordStart(buffer, recordStart + 1, end);
        }
        return next < 0 ? end : next;
    }

    private void reportBad(String reason, int at) {
        problems.onRecordProblem(recordStart, recordLineIndex(), BAD_JSON, reason + ", at byte "
                + (at - recordStart) + " of the record: " + ByteScan.quote(buffer, recordStart, end));
    }

    /** The record is still evaluated: only its text is damaged, and a rule may still match the rest. */
    private void reportMalformedUtf8(int at, int recordEnd) {
        problems.onRecordProblem(recordStart, recordLineIndex(), INVALID_UTF8, "bytes that are not UTF-8 at byte "
                + (at - recordStart) + " of the record (another encoding, or a damaged file); the record was"
                + " evaluated on its bytes as they are and is written with U+FFFD in their place: "
                + ByteScan.quote(buffer, recordStart, recordEnd));
    }

    private void reportTooLong() {
        problems.onRecordProblem(recordStart, recordLineIndex(), RecordProblemSink.TOO_LONG, "record longer than "
                + maxRecordBytes + " bytes (the maximum record size) skipped: " + ByteScan.quote(buffer, recordStart, end));
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    @Override
    public EventView view() {
        return view;
    }

    @Override
    public int recordOffset() {
        return recordStart;
    }

    @Override
    public long recordLineIndex() {
        countTo(recordStart);
        return lineBreaks;
    }

    @Override
    public long recordId() {
        return 0;
    }

    @Override
    public void renderJson(RenderedEvents out) {
        view.appendCompactJson(out);
    }

    @Override
    public long chunkLineBreaks() {
        countTo(end);
        return lineBreaks;
    }

    private void countTo(int to) {
        if (to > countedTo) {
            lineBreaks += ByteScan.countNewlines(buffer, countedTo, to);
            countedTo = to;
        }
    }
}
