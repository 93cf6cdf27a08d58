package io.sigscan.rules.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a compiled rule set reads, each given a slot number. Built once at compile time
 * and shared read-only by every scan worker; readers use {@link #slotOf(byte[], int, int, int)}
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
    // Open addressing over the UTF-8 bytes of each name, packed into words (ByteWords.pack):
    // keys[i] == null marks a free cell. The hash and length go first so most misses read no key.
    private final long[][] keys;
    private final int[] hashes;
    private final int[] lengths;
    private final int[] slots;
    private final int mask;

    private FieldTable(List<String> names) {
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        int capacity = Integer.highestOneBit(Math.max(4, names.size() * 4) - 1) << 1;
        this.keys = new long[capacity][];
        this.hashes = new int[capacity];
        this.lengths = new int[capacity];
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        for (int slot = 1; slot < names.size(); slot++) {
            byte[] key = names.get(slot).getBytes(StandardCharsets.UTF_8);
            int hash = hash(key, 0, key.length);
            int cell = hash & mask;
            while (keys[cell] != null) {
                cell = (cell + 1) & mask;
            }
            keys[cell] = ByteWords.pack(key, 0, key.length);
            hashes[cell] = hash;
            lengths[cell] = key.length;
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
        return slotOf(bytes, 0, bytes.length);
    }

    /** The slot of the field whose UTF-8 name is {@code bytes[offset, offset + length)}, or {@link #ABSENT}. */
    public int slotOf(byte[] bytes, int offset, int length) {
        return slotOf(bytes, offset, length, hash(bytes, offset, length));
    }

    /**
     * Same as {@link #slotOf(byte[], int, int)} with the name's {@link #hash} already known: a
     * reader looking one key up in several tables hashes it once. Names containing spaces must be
     * stripped by the caller first; this is the allocation-free path readers use per key.
     */
    public int slotOf(byte[] bytes, int offset, int length, int hash) {
        int cell = hash & mask;
        long[] key;
        while ((key = keys[cell]) != null) {
            if (hashes[cell] == hash && lengths[cell] == length && ByteWords.equals(bytes, offset, length, key)) {
                return slots[cell];
            }
            cell = (cell + 1) & mask;
        }
        return ABSENT;
    }

    /** The hash of a name in every table: {@link ByteWords#hash}. */
    public static int hash(byte[] bytes, int offset, int length) {
        return ByteWords.hash(bytes, offset, length);
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
