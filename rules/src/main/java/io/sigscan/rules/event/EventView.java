package io.sigscan.rules.event;

import org.agrona.DirectBuffer;

/**
 * One event as compiled rules see it: field slots mapped to values, each value a run of UTF-8
 * bytes in some buffer. This is the seam between {@code rules} and {@code engine}: the engine
 * implements it once per input format (JSON, EVTX, plain text) over the bytes it has mapped,
 * and re-wraps the same instance for every event.
 *
 * <p>Slots are assigned at compile time by {@link FieldTable}; slot {@link #KEYWORDS} is the
 * pseudo-field that holds every string value of the event (the whole line for plain text), so
 * keyword selections are ordinary field tests on it.
 *
 * <p>Hot path: implementations must not allocate. A value is decoded (JSON escapes, UTF-16)
 * lazily, on the first call that asks for its bytes, into a per-view scratch buffer; the
 * returned buffer and offsets stay valid until the view is wrapped around the next event.
 */
public interface EventView {

    /** The pseudo-slot holding every string value of the event; see {@link FieldTable}. */
    int KEYWORDS = 0;

    /**
     * How many values the field has in this event: 0 when absent, 1 for a scalar (including
     * JSON {@code null}), the number of elements for an array.
     */
    int valueCount(int slot);

    /** The kind of value {@code index} of {@code slot}: one of the {@link ValueKind} constants. */
    int valueKind(int slot, int index);

    /** The buffer holding the decoded UTF-8 bytes of value {@code index} of {@code slot}. */
    DirectBuffer valueBuffer(int slot, int index);

    /** Offset of the value's first byte in {@link #valueBuffer}. */
    int valueOffset(int slot, int index);

    /** Length in bytes of the value's decoded UTF-8 text. */
    int valueLength(int slot, int index);
}
