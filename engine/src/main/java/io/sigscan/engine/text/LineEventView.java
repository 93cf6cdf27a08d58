package io.sigscan.engine.text;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.ValueKind;

/** A line of text as an event: the keyword pseudo-field holds the line; every other field is absent. */
final class LineEventView implements EventView {
    private DirectBuffer buffer;
    private int offset;
    private int length;

    void wrap(DirectBuffer lineBuffer, int lineOffset, int lineLength) {
        this.buffer = lineBuffer;
        this.offset = lineOffset;
        this.length = lineLength;
    }

    @Override
    public int valueCount(int slot) {
        return slot == KEYWORDS ? 1 : 0;
    }

    @Override
    public int valueKind(int slot, int index) {
        return ValueKind.STRING;
    }

    @Override
    public DirectBuffer valueBuffer(int slot, int index) {
        return buffer;
    }

    @Override
    public int valueOffset(int slot, int index) {
        return offset;
    }

    @Override
    public int valueLength(int slot, int index) {
        return length;
    }
}
