package io.sigscan.engine.text;

import org.agrona.DirectBuffer;

import io.sigscan.engine.record.ByteScan;
import io.sigscan.engine.record.RecordFormat;
import io.sigscan.engine.record.RecordReader;
import io.sigscan.rules.event.FieldTable;

/** Plain text: one event per line; records start after any line break. */
public final class TextFormat implements RecordFormat {

    public static final TextFormat INSTANCE = new TextFormat();

    private TextFormat() {
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public boolean hasLines() {
        return true;
    }

    @Override
    public int nextRecordStart(DirectBuffer buffer, long base, int from, int end) {
        return ByteScan.nextLineStart(buffer, from, end);
    }

    @Override
    public int lastRecordStart(DirectBuffer buffer, long base, int start, int end) {
        return ByteScan.lastLineStart(buffer, start, end);
    }

    /** After the last line break: a line without one may still be being written. */
    @Override
    public int lastRecordEnd(DirectBuffer buffer, long base, int start, int end) {
        int newline = ByteScan.lastIndexOfNewline(buffer, start, end);
        return newline < 0 ? start : newline + 1;
    }

    @Override
    public RecordReader newReader(FieldTable fields, int maxRecordBytes) {
        return new TextRecordReader(maxRecordBytes);
    }

    @Override
    public String toString() {
        return name();
    }
}
