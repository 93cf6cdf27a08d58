package io.sigscan.rules.compile;

import java.util.Arrays;
import java.util.stream.IntStream;

import io.sigscan.rules.event.ByteWords;
import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.PresentSlots;
import io.sigscan.rules.event.UncheckedReads;
import io.sigscan.rules.prefilter.Prefilter;

/**
 * Where an event is routed: which log-source conditions hold for it, remembered per distinct
 * combination of the values of the fields those conditions read (Channel, EventID,
 * Provider_Name, ...), with what that decides for the pre-filter — the needle searches of all
 * those conditions' groups merged into one per field, and their unwitnessed variants as one
 * mask. A condition is a pure function of those values, and a log holds few distinct
 * combinations, so after the first events of each kind routing costs one hash of a few dozen
 * bytes and one comparison instead of testing every condition: the "one lookup" of routing.
 *
 * <p>One per evaluator, not thread-safe. Entries are added until {@value #MAX_ENTRIES}; after
 * that, or for a combination longer than {@value #MAX_KEY_BYTES} bytes, the conditions are
 * tested as they come into a reused, unmerged route, so nothing is allocated per event either
 * way.
 */
final class RouteCache {
    static final int MAX_ENTRIES = 4096;
    static final int MAX_KEY_BYTES = 1024;

    /** What routing decided for an event. */
    static final class Route {
        /**
         * The pre-filter groups of the variants that apply to every event and of the conditions
         * that hold ({@link RouteTable#groupOf}), ascending, then -1.
         */
        final int[] groups;
        /** The groups' needle searches merged, or null (then each group is searched on its own). */
        final Prefilter.Searches searches;
        /** The non-zero words of the mask of the groups' unwitnessed variants, or null (then per group). */
        final int[] unwitnessedWords;
        final long[] unwitnessedBits;

        private Route(int[] groups, Prefilter.Searches searches, int[] unwitnessedWords, long[] unwitnessedBits) {
            this.groups = groups;
            this.searches = searches;
            this.unwitnessedWords = unwitnessedWords;
            this.unwitnessedBits = unwitnessedBits;
        }
    }

    private final RouteTable routes;
    /** The slots the conditions read, or null when caching is off (a condition reads the keyword pseudo-field). */
    private final int[] routingSlots;
    /** The route of events whose combination is not cached: its groups are rewritten per event. */
    private final Route uncached;

    /** Whether a slot is a routing slot, by slot number (up to the highest). */
    private final boolean[] isRoutingSlot;
    private static final byte EVERY_SLOT = 0;
    private static final byte PRESENT_SLOTS = 1;

    private byte[] key = new byte[128];
    private int keyLength;

    // Open addressing over hashes; a table of twice MAX_ENTRIES never fills up.
    private final int[] hashes = new int[2 * MAX_ENTRIES];
    private final byte[][] keys = new byte[2 * MAX_ENTRIES][];
    private final Route[] cached = new Route[2 * MAX_ENTRIES];
    private int entries;

    RouteCache(RouteTable routes) {
        this.routes = routes;
        this.routingSlots = routes.routingSlots;
        this.isRoutingSlot = new boolean[routingSlots == null ? 0 : Arrays.stream(routingSlots).max().orElse(-1) + 1];
        if (routingSlots != null) {
            for (int slot : routingSlots) {
                isRoutingSlot[slot] = true;
            }
        }
        this.uncached = new Route(new int[routes.conditionsInUse.length + 2], null, null, null);
    }

    /** The route of {@code event}. */
    Route route(EventView event) {
        if (routingSlots == null || !buildKey(event)) {
            holdingGroups(event, uncached.groups);
            return uncached;
        }
        final int hash = ByteWords.hash(key, 0, keyLength);
        final int mask = hashes.length - 1;
        int at = hash & mask;
        while (keys[at] != null) {
            if (hashes[at] == hash && Arrays.equals(keys[at], 0, keys[at].length, key, 0, keyLength)) {
                return cached[at];
            }
            at = (at + 1) & mask;
        }
        if (entries == MAX_ENTRIES) {
            holdingGroups(event, uncached.groups);
            return uncached;
        }
        entries++;
        hashes[at] = hash;
        keys[at] = Arrays.copyOf(key, keyLength);
        cached[at] = newRoute(event);
        return cached[at];
    }

    /** Writes into {@code groups} the group of {@link RouteTable#ALWAYS} and of every condition that holds, then -1. */
    private void holdingGroups(EventView event, int[] groups) {
        int n = 0;
        groups[n++] = RouteTable.groupOf(RouteTable.ALWAYS);
        for (final int condition : routes.conditionsInUse) {
            if (routes.conditions[condition].test(event)) {
                groups[n++] = RouteTable.groupOf(condition);
            }
        }
        groups[n] = -1;
    }

    private Route newRoute(EventView event) {
        int[] scratch = new int[routes.conditionsInUse.length + 2];
        holdingGroups(event, scratch);
        int count = 0;
        while (scratch[count] >= 0) {
            count++;
        }
        int[] groups = Arrays.copyOf(scratch, count + 1);
        Prefilter.Searches searches = routes.prefilter.searchesOf(Arrays.copyOf(groups, count));
        if (searches == null) {
            return new Route(groups, null, null, null);
        }
        long[] unwitnessed = new long[(routes.variantCount() + 63) >>> 6];
        for (int i = 0; i < count; i++) {
            int[] words = routes.unwitnessedWords[groups[i]];
            long[] bits = routes.unwitnessedBits[groups[i]];
            for (int w = 0; w < words.length; w++) {
                unwitnessed[words[w]] |= bits[w];
            }
        }
        int[] words = IntStream.range(0, unwitnessed.length).filter(w -> unwitnessed[w] != 0).toArray();
        long[] bits = Arrays.stream(words).mapToLong(w -> unwitnessed[w]).toArray();
        return new Route(groups, searches, words, bits);
    }

    /**
     * Writes the routing values into the key; false when too long. Either every routing slot's
     * values in slot order (a count, then kind, length and bytes of each), or, for a view that
     * lists the slots it holds, the routing slots among those, each as its number and values:
     * an event holds a handful of the dozens of fields the conditions and product markers name,
     * and asking for each absent one was a tenth of a scan without rules. A first byte tells the
     * two forms apart, so that no key of one can equal a key of the other.
     */
    private boolean buildKey(EventView event) {
        int n = 0;
        ensureKeyCapacity(1);
        if (event instanceof PresentSlots present) {
            key[n++] = PRESENT_SLOTS;
            for (int i = 0, count = present.presentSlotCount(); i < count && n >= 0; i++) {
                final int slot = present.presentSlot(i);
                if (slot < isRoutingSlot.length && isRoutingSlot[slot]) {
                    ensureKeyCapacity(n + 3);
                    key[n++] = (byte) (slot >>> 16);
                    key[n++] = (byte) (slot >>> 8);
                    key[n++] = (byte) slot;
                    n = appendValues(event, slot, n);
                }
            }
        } else {
            key[n++] = EVERY_SLOT;
            for (int s = 0; s < routingSlots.length && n >= 0; s++) {
                n = appendValues(event, routingSlots[s], n);
            }
        }
        keyLength = n;
        return n >= 0;
    }

    /** Writes the values of {@code slot} at {@code n} of the key; returns the end, or -1 when too long. */
    private int appendValues(EventView event, int slot, int n) {
        final int count = event.valueCount(slot);
        if (count > 255) {
            return -1;
        }
        ensureKeyCapacity(n + 1);
        key[n++] = (byte) count;
        for (int i = 0; i < count; i++) {
            final int length = event.valueLength(slot, i);
            if (n + length + 5 > MAX_KEY_BYTES) {
                return -1;
            }
            ensureKeyCapacity(n + length + 5);
            key[n++] = (byte) event.valueKind(slot, i);
            key[n++] = (byte) (length >>> 24);
            key[n++] = (byte) (length >>> 16);
            key[n++] = (byte) (length >>> 8);
            key[n++] = (byte) length;
            UncheckedReads.copy(event.valueBuffer(slot, i), event.valueOffset(slot, i), key, n, length);
            n += length;
        }
        return n;
    }

    private void ensureKeyCapacity(int capacity) {
        if (capacity > key.length) {
            key = Arrays.copyOf(key, Math.max(capacity, key.length * 2));
        }
    }
}
