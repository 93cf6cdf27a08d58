package io.sigscan.rules.compile;

import java.util.Arrays;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.EventView;

/**
 * Which log-source conditions hold for an event, remembered per distinct combination of the
 * values of the fields those conditions read (Channel, EventID, Provider_Name, ...). A
 * condition is a pure function of those values, and a log holds few distinct combinations, so
 * after the first events of each kind routing costs one hash of a few dozen bytes and one
 * comparison instead of testing every condition: the "one lookup" of routing.
 *
 * <p>One per evaluator, not thread-safe. Entries are added until {@value #MAX_ENTRIES}; after
 * that, or for a combination longer than {@value #MAX_KEY_BYTES} bytes, the conditions are
 * tested as they come, into a reused array, so nothing is allocated per event either way.
 */
final class RouteCache {
    static final int MAX_ENTRIES = 4096;
    static final int MAX_KEY_BYTES = 1024;
    private static final int[] NONE = {-1};

    private final EventPredicate[] conditions;
    private final int[] conditionsInUse;
    /** The slots the conditions read, or null when caching is off (a condition reads something else). */
    private final int[] routingSlots;

    private byte[] key = new byte[128];
    private int keyLength;
    private final int[] uncached;

    // Open addressing over hashes; a table of twice MAX_ENTRIES never fills up.
    private final int[] hashes = new int[2 * MAX_ENTRIES];
    private final byte[][] keys = new byte[2 * MAX_ENTRIES][];
    private final int[][] holding = new int[2 * MAX_ENTRIES][];
    private int entries;

    RouteCache(EventPredicate[] conditions, int[] conditionsInUse, int[] routingSlots) {
        this.conditions = conditions;
        this.conditionsInUse = conditionsInUse;
        this.routingSlots = conditionsInUse.length == 0 ? null : routingSlots;
        this.uncached = new int[conditionsInUse.length + 1];
    }

    /** The conditions in use that hold for {@code event}, ascending, ended by -1. */
    int[] holding(EventView event) {
        if (routingSlots == null) {
            return conditionsInUse.length == 0 ? NONE : test(event, uncached);
        }
        if (!buildKey(event)) {
            return test(event, uncached);
        }
        final int hash = hash(key, keyLength);
        final int mask = hashes.length - 1;
        int at = hash & mask;
        while (keys[at] != null) {
            if (hashes[at] == hash && Arrays.equals(keys[at], 0, keys[at].length, key, 0, keyLength)) {
                return holding[at];
            }
            at = (at + 1) & mask;
        }
        if (entries == MAX_ENTRIES) {
            return test(event, uncached);
        }
        int[] result = test(event, uncached);
        int length = 0;
        while (result[length] >= 0) {
            length++;
        }
        entries++;
        hashes[at] = hash;
        keys[at] = Arrays.copyOf(key, keyLength);
        holding[at] = Arrays.copyOf(result, length + 1);
        return holding[at];
    }

    private int[] test(EventView event, int[] into) {
        int n = 0;
        for (final int condition : conditionsInUse) {
            if (conditions[condition].test(event)) {
                into[n++] = condition;
            }
        }
        into[n] = -1;
        return into;
    }

    /** Writes every routing value (count, then kind, length and bytes of each) into the key; false when too long. */
    private boolean buildKey(EventView event) {
        int n = 0;
        for (final int slot : routingSlots) {
            final int count = event.valueCount(slot);
            if (count > 255) {
                return false;
            }
            ensureKeyCapacity(n + 1);
            key[n++] = (byte) count;
            for (int i = 0; i < count; i++) {
                final int length = event.valueLength(slot, i);
                if (n + length + 5 > MAX_KEY_BYTES) {
                    return false;
                }
                ensureKeyCapacity(n + length + 5);
                key[n++] = (byte) event.valueKind(slot, i);
                key[n++] = (byte) (length >>> 24);
                key[n++] = (byte) (length >>> 16);
                key[n++] = (byte) (length >>> 8);
                key[n++] = (byte) length;
                final DirectBuffer buffer = event.valueBuffer(slot, i);
                buffer.getBytes(event.valueOffset(slot, i), key, n, length);
                n += length;
            }
        }
        keyLength = n;
        return true;
    }

    private void ensureKeyCapacity(int capacity) {
        if (capacity > key.length) {
            key = Arrays.copyOf(key, Math.max(capacity, key.length * 2));
        }
    }

    private static int hash(byte[] bytes, int length) {
        int h = 0x811C9DC5;
        for (int i = 0; i < length; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
