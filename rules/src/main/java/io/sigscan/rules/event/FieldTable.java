package io.sigscan.rules.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;

/**
 * The fields a compiled rule set reads, each given a slot number. Built once at compile time
 * and shared read-only by every scan worker; readers use {@link #slotOf(DirectBuffer, int, int)}
 * to decide, without allocating, whether a key they meet is worth projecting at all.
 *
 * <p>Slot 0 is {@link EventView#KEYWORDS}. Names are stored with spaces removed (Windows
 * event data names such as {@code "Logon Type"} match {@code LogonType}); readers must strip
 * spaces from keys the same way before looking them up, which {@link #slotOf} does for them.
 */
public final class FieldTable {

    /** Returned by lookups for a name no rule references. */
    public static final int ABSENT = -1;

    private final List<String> names;
    // Open-addressing table over the UTF-8 bytes of each name: keys[i] == null marks a free cell.
    private final byte[][] keys;
    private final int[] slots;
    private final int mask;

    private FieldTable(List<String> names) {
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        int capacity = Integer.highestOneBit(Math.max(4, names.size() * 4) - 1) << 1;
        this.keys = new byte[capacity][];
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        for (int slot = 1; slot < names.size(); slot++) {
            byte[] key = names.get(slot).getBytes(StandardCharsets.UTF_8);
            int cell = hash(key, 0, key.length) & mask;
            while (keys[cell] != null) {
                cell = (cell + 1) & mask;
            }
            keys[cell] = key;
            slots[cell] = slot;
        }
    }

    /** Starts a table; slot 0 is always the keyword pseudo-field. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of slots, including the keyword pseudo-slot. */
    public int size() {
        return names.size();
    }

    /** The (space-stripped) field name of a slot; slot 0 is named {@code "<keywords>"}. */
    public String name(int slot) {
        return names.get(slot);
    }

    /** The slot of a field name (spaces ignored), or {@link #ABSENT}. */
    public int slotOf(String name) {
        byte[] bytes = stripSpaces(name).getBytes(StandardCharsets.UTF_8);
        return find(bytes, 0, bytes.length);
    }

    /**
     * The slot of the field whose UTF-8 name is {@code length} bytes at {@code offset} of
     * {@code buffer}, or {@link #ABSENT}. Names containing spaces must be stripped by the caller
     * first (see {@link #hasSpace}); this is the allocation-free path readers use per key.
     */
    public int slotOf(DirectBuffer buffer, int offset, int length) {
        int cell = hash(buffer, offset, length) & mask;
        byte[] key;
        while ((key = keys[cell]) != null) {
            if (key.length == length && equals(key, buffer, offset)) {
                return slots[cell];
            }
            cell = (cell + 1) & mask;
        }
        return ABSENT;
    }

    /** Same as {@link #slotOf(DirectBuffer, int, int)} over a byte array. */
    public int slotOf(byte[] bytes, int offset, int length) {
        return find(bytes, offset, length);
    }

    /** Whether a key must have its spaces stripped before lookup. */
    public static boolean hasSpace(DirectBuffer buffer, int offset, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer.getByte(offset + i) == ' ') {
                return true;
            }
        }
        return false;
    }

    private int find(byte[] bytes, int offset, int length) {
        int cell = hash(bytes, offset, length) & mask;
        byte[] key;
        while ((key = keys[cell]) != null) {
            if (key.length == length && java.util.Arrays.equals(key, 0, length, bytes, offset, offset + length)) {
                return slots[cell];
            }
            cell = (cell + 1) & mask;
        }
        return ABSENT;
    }

    private static boolean equals(byte[] key, DirectBuffer buffer, int offset) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != buffer.getByte(offset + i)) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] bytes, int offset, int length) {
        int h = length;
        for (int i = 0; i < length; i++) {
            h = 31 * h + bytes[offset + i];
        }
        return mix(h);
    }

    private static int hash(DirectBuffer buffer, int offset, int length) {
        int h = length;
        for (int i = 0; i < length; i++) {
            h = 31 * h + buffer.getByte(offset + i);
        }
        return mix(h);
    }

    private static int mix(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    static String stripSpaces(String name) {
        return name.indexOf(' ') < 0 ? name : name.replace(" ", "");
    }

    @Override
    public String toString() {
        return "FieldTable" + names;
    }

    /** Collects field names in first-seen order; duplicates share a slot. */
    public static final class Builder {
        private final Map<String, Integer> slotsByName = new LinkedHashMap<>();

        private Builder() {
            slotsByName.put("<keywords>", EventView.KEYWORDS);
        }

        /** Adds a field (spaces ignored) and returns its slot. */
        public int add(String name) {
            String key = stripSpaces(name);
            Integer existing = slotsByName.get(key);
            if (existing != null) {
                return existing;
            }
            int slot = slotsByName.size();
            slotsByName.put(key, slot);
            return slot;
        }

        public FieldTable build() {
            return new FieldTable(new ArrayList<>(slotsByName.keySet()));
        }
    }
}
