package io.sigscan.rules.compile;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.EventView;

/** An event view answering as {@code event} does, for tests that watch or extend one. */
class DelegatingEventView implements EventView {
    private final EventView event;

    DelegatingEventView(EventView event) {
        this.event = event;
    }

    @Override
    public int valueCount(int slot) {
        return event.valueCount(slot);
    }

    @Override
    public int valueKind(int slot, int index) {
        return event.valueKind(slot, index);
    }

    @Override
    public DirectBuffer valueBuffer(int slot, int index) {
        return event.valueBuffer(slot, index);
    }

    @Override
    public int valueOffset(int slot, int index) {
        return event.valueOffset(slot, index);
    }

    @Override
    public int valueLength(int slot, int index) {
        return event.valueLength(slot, index);
    }
}
