package io.sigscan.engine.json;

import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.ValueKind;

/**
 * The values a {@link JsonEventView} projected out of one record, answering the
 * {@link EventView} queries. Values arrive in document order, tagged with their slot, and are
 * grouped into per-slot runs once the record has parsed (a counting sort over the slots touched,
 * so the cost follows the record, not the size of the field table). String values holding escapes
 * are decoded into a scratch buffer on first access; the keyword pseudo-slot holds every string
 * value (keys excluded) in document order.
 *
 * <p>Hot path: all arrays are reused and only grow, so steady state allocates nothing.
 */
final class ProjectedValues {
    /** The {@link ValueKind} part of a value's kind word; flags live above it. */
    static final int KIND_MASK = 0xFF;
    /** A string holding escapes, not yet decoded. */
    static final int ESCAPED = 0x100;
    /** A string whose decoded bytes live in the scratch buffer. */
    private static final int DECODED = 0x200;
    /**
     * A string holding a character that JSON lets a writer spell two ways (<code>&#92;u</code> or
     * {@code \/} escapes, a raw tab): its text is not one-way escaped ({@link io.sigscan.rules.event.JsonTextValues}).
     */
    static final int SPELLED_FREELY = 0x400;
    /** A string known to hold ASCII only. */
    static final int ASCII = 0x800;

    // Values in document order, with their slots.
    private final ValueList raw = new ValueList(64);
    private int[] rawSlot = new int[64];

    // The same values grouped by slot: slot s owns grouped[first[s] .. first[s] + count[s]).
    private final ValueList grouped = new ValueList(64);
    private final int[] count;
    private final int[] first;
    private final int[] cursor;
    private final int[] touched;
    private int touchedCount;

    private final ValueList keywords = new ValueList(64);

    private DirectBuffer record;

    private byte[] decodedBytes = new byte[1024];
    private final UnsafeBuffer decoded = new UnsafeBuffer(decodedBytes);
    private int decodedLength;

    ProjectedValues(int slots) {
        count = new int[slots];
        first = new int[slots];
        cursor = new int[slots];
        touched = new int[slots];
    }

    /** Forgets the previous record. */
    void clear() {
        final int[] counts = count;
        for (int t = 0; t < touchedCount; t++) {
            counts[touched[t]] = 0;
        }
        touchedCount = 0;
        raw.size = 0;
        grouped.size = 0;
        keywords.size = 0;
        decodedLength = 0;
    }

    /** Records a value of {@code slot} found at {@code [offset, offset + length)} of the record's buffer. */
    void add(int slot, int kind, int offset, int length) {
        int i = raw.add(kind, offset, length);
        if (i >= rawSlot.length) {
            rawSlot = Arrays.copyOf(rawSlot, raw.kind.length);
        }
        rawSlot[i] = slot;
    }

    /** Records a string value (not a key) for the keyword pseudo-slot. */
    void addKeyword(int kind, int offset, int length) {
        keywords.add(kind, offset, length);
    }

    /** The record parsed: groups its values by slot. */
    void complete(DirectBuffer buffer) {
        record = buffer;
        final int n = raw.size;
        final int[] slots = rawSlot;
        final int[] counts = count;
        for (int i = 0; i < n; i++) {
            int slot = slots[i];
            if (counts[slot]++ == 0) {
                touched[touchedCount++] = slot;
            }
        }
        int next = 0;
        for (int t = 0; t < touchedCount; t++) {
            int slot = touched[t];
            first[slot] = next;
            cursor[slot] = next;
            next += counts[slot];
        }
        grouped.ensureCapacity(n);
        grouped.size = n;
        for (int i = 0; i < n; i++) {
            int at = cursor[slots[i]]++;
            grouped.kind[at] = raw.kind[i];
            grouped.offset[at] = raw.offset[i];
            grouped.length[at] = raw.length[i];
        }
    }

    /** How many slots hold values, the keyword pseudo-slot aside; after {@link #complete}. */
    int touchedCount() {
        return touchedCount;
    }

    /** The {@code i}th slot holding values, in the order the record first gave each. */
    int touched(int i) {
        return touched[i];
    }

    int count(int slot) {
        if (slot == EventView.KEYWORDS) {
            return keywords.size;
        }
        return count[slot];
    }

    int kind(int slot, int index) {
        return listOf(slot).kind[at(slot, index)] & KIND_MASK;
    }

    DirectBuffer buffer(int slot, int index) {
        return bufferOf(listOf(slot), at(slot, index));
    }

    int offset(int slot, int index) {
        final int i = at(slot, index);
        return decodedIfNeeded(listOf(slot), i).offset[i];
    }

    int length(int slot, int index) {
        final int i = at(slot, index);
        return decodedIfNeeded(listOf(slot), i).length[i];
    }

    /** See {@link io.sigscan.rules.event.JsonTextValues#jsonTextLength}. */
    int jsonTextLength(int slot, int index) {
        final ValueList list = listOf(slot);
        final int i = at(slot, index);
        final int kind = list.kind[i];
        return (kind & KIND_MASK) == ValueKind.STRING && (kind & (SPELLED_FREELY | DECODED)) == 0 ? list.length[i] : -1;
    }

    /** See {@link io.sigscan.rules.event.JsonTextValues#jsonTextIsAscii}. */
    boolean jsonTextIsAscii(int slot, int index) {
        return (listOf(slot).kind[at(slot, index)] & ASCII) != 0;
    }

    /** See {@link io.sigscan.rules.event.JsonTextValues#jsonTextOffset}. */
    int jsonTextOffset(int slot, int index) {
        return listOf(slot).offset[at(slot, index)];
    }

    /** The list holding {@code slot}'s values: the keyword list for the keyword pseudo-slot. */
    private ValueList listOf(int slot) {
        return slot == EventView.KEYWORDS ? keywords : grouped;
    }

    /** Where value {@code index} of {@code slot} lies in {@link #listOf}. */
    private int at(int slot, int index) {
        return slot == EventView.KEYWORDS ? index : first[slot] + index;
    }

    /** The buffer of the record the values came from. */
    DirectBuffer record() {
        return record;
    }

    private DirectBuffer bufferOf(ValueList list, int i) {
        return (decodedIfNeeded(list, i).kind[i] & DECODED) != 0 ? decoded : record;
    }

    private ValueList decodedIfNeeded(ValueList list, int i) {
        int kind = list.kind[i];
        if ((kind & ESCAPED) != 0) {
            int length = list.length[i];
            ensureDecodedCapacity(decodedLength + length);
            int offset = list.offset[i];
            int written = JsonStrings.unescape(record, offset, offset + length, decodedBytes, decodedLength);
            list.offset[i] = decodedLength;
            list.length[i] = written;
            list.kind[i] = (kind & ~ESCAPED) | DECODED;
            decodedLength += written;
        }
        return list;
    }

    private void ensureDecodedCapacity(int capacity) {
        if (capacity > decodedBytes.length) {
            decodedBytes = Arrays.copyOf(decodedBytes, Math.max(capacity, decodedBytes.length * 2));
            decoded.wrap(decodedBytes);
        }
    }
}
