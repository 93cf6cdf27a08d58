package io.sigscan.rules.match;

import java.util.List;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.UncheckedReads;

/**
 * Lower-case ASCII needles by length and a hash the owning matcher computes as it reads the
 * value (forwards for {@link EqualsAnyMatcher}, backwards from the end for
 * {@link EndsWithAnyMatcher}): one probe of a small open-addressing table, then a comparison of
 * the value's folded bytes, per candidate length.
 */
final class FoldedNeedleTable {
    private static final int MULTIPLIER = 0x01000193;

    private final byte[][] needles;
    /** Whether some needle has this length. */
    private final boolean[] lengthUsed;
    /** Open addressing: needle index + 1 by (hash, length); 0 = empty. */
    private final int[] table;

    /** The owners' hash, one folded byte at a time: {@code hash} (0 to start) extended by {@code foldedByte}. */
    static int hash(int hash, int foldedByte) {
        return (hash ^ foldedByte) * MULTIPLIER;
    }

    /**
     * A table for owners that {@link #hash} a value's folded bytes from its first byte on, or,
     * with {@code fromLastByte}, from its last byte back.
     */
    FoldedNeedleTable(List<byte[]> needles, boolean fromLastByte) {
        this.needles = needles.toArray(new byte[0][]);
        int longest = needles.stream().mapToInt(needle -> needle.length).max().orElse(0);
        this.lengthUsed = new boolean[longest + 1];
        int size = Integer.highestOneBit(Math.max(4, needles.size() * 4) - 1) << 1;
        this.table = new int[size];
        for (int n = 0; n < needles.size(); n++) {
            byte[] needle = needles.get(n);
            lengthUsed[needle.length] = true;
            int at = slot(hashOf(needle, fromLastByte), needle.length);
            while (table[at] != 0) {
                at = (at + 1) & (size - 1);
            }
            table[at] = n + 1;
        }
    }

    private static int hashOf(byte[] needle, boolean fromLastByte) {
        int hash = 0;
        for (int i = 0; i < needle.length; i++) {
            hash = hash(hash, needle[fromLastByte ? needle.length - 1 - i : i]);
        }
        return hash;
    }

    private int slot(int hash, int length) {
        int h = (hash + length) * 0x9E3779B1;
        return (h ^ (h >>> 16)) & (table.length - 1);
    }

    /** Bytes in the longest needle. */
    int longest() {
        return lengthUsed.length - 1;
    }

    /** Whether some needle has {@code length} bytes. */
    boolean hasLength(int length) {
        return length < lengthUsed.length && lengthUsed[length];
    }

    /** Whether the {@code length} bytes at {@code start}, whose folded hash is {@code hash}, are a needle. */
    boolean contains(int hash, DirectBuffer buffer, int start, int length) {
        final int mask = table.length - 1;
        for (int at = slot(hash, length); table[at] != 0; at = (at + 1) & mask) {
            final byte[] needle = needles[table[at] - 1];
            if (needle.length == length && foldedEquals(buffer, start, needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean foldedEquals(DirectBuffer buffer, int start, byte[] needle) {
        for (int k = 0; k < needle.length; k++) {
            if (Utf8.foldAsciiByte(UncheckedReads.getByte(buffer, start + k)) != needle[k]) {
                return false;
            }
        }
        return true;
    }
}
