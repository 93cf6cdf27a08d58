package io.sigscan.engine.json;

/**
 * A growable list of value positions: kind (with flag bits), offset and length. Grows by doubling
 * and is reused for every event, so steady state allocates nothing.
 */
final class ValueList {
    int[] kind;
    int[] offset;
    int[] length;
    int size;

    ValueList(int capacity) {
        kind = new int[capacity];
        offset = new int[capacity];
        length = new int[capacity];
    }

    /** Appends a value and returns its index. */
    int add(int valueKind, int valueOffset, int valueLength) {
        int i = size;
        if (i == kind.length) {
            grow(i + 1);
        }
        kind[i] = valueKind;
        offset[i] = valueOffset;
        length[i] = valueLength;
        size = i + 1;
        return i;
    }

    /** Makes room for {@code capacity} values without changing the size. */
    void ensureCapacity(int capacity) {
        if (capacity > kind.length) {
            grow(capacity);
        }
    }

    private void grow(int needed) {
        int capacity = Math.max(needed, kind.length * 2);
        kind = java.util.Arrays.copyOf(kind, capacity);
        offset = java.util.Arrays.copyOf(offset, capacity);
        length = java.util.Arrays.copyOf(length, capacity);
    }
}
