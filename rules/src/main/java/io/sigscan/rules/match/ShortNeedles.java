package io.sigscan.rules.match;

import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.ByteWords;
import io.sigscan.rules.event.UncheckedReads;

/**
 * The needles of fewer than {@value #LONG_FROM} bytes of a {@link NeedleSearch}, when they start
 * with at most {@value #MAX_FIRST_BYTES} distinct bytes (up to ASCII case): found by looking for
 * those first bytes eight at a time, then comparing the needles that start with the byte found.
 *
 * <p><b>Why.</b> A needle too short to be filed under several windows cannot be found by testing
 * every second position, so one such needle (a backtick a regex requires, {@code -f}, {@code ${})
 * made its field's whole merged search test every byte, thousands of long needles included.
 * Split off, the long needles are searched with a stride again and the short ones cost a few word
 * operations per eight bytes. A search of short needles only (a rule's lone backslash or quote)
 * is this alone, instead of a test of every byte.
 *
 * <p>Folding as in {@link NeedleSearch}: bytes are compared with bit 5 set, which finds every
 * case of an ASCII letter (and a few other bytes, which the comparison that follows turns away).
 * Immutable; scans allocate nothing.
 */
final class ShortNeedles {
    /** Needles shorter than this go here; {@link NeedleSearch} strides over the rest. */
    static final int LONG_FROM = 5;
    /** Most distinct first bytes looked for: one XOR and zero test per first byte per word. */
    static final int MAX_FIRST_BYTES = 4;

    private static final long CASE_BITS = 0x2020202020202020L;
    private static final long LOWS = 0x0101010101010101L;

    /** Per distinct first byte (bit 5 set): that byte in every byte of a word. */
    private final long[] firstBytes;
    /** Per first byte, its needles: packed ({@link ByteWords#pack}: one word each), lengths, ids. */
    private final long[][] words;
    private final int[][] lengths;
    private final int[][] ids;

    private ShortNeedles(long[] firstBytes, long[][] words, int[][] lengths, int[][] ids) {
        this.firstBytes = firstBytes;
        this.words = words;
        this.lengths = lengths;
        this.ids = ids;
    }

    /**
     * The needles {@code bytes} (each shorter than {@value #LONG_FROM} bytes, id
     * {@code needleIds.get(i)}), or null when they start with more than {@value #MAX_FIRST_BYTES}
     * distinct bytes.
     */
    static ShortNeedles of(List<byte[]> bytes, List<Integer> needleIds) {
        List<Integer> first = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int n = 0; n < bytes.size(); n++) {
            int folded = (bytes.get(n)[0] | 0x20) & 0xFF;
            int group = first.indexOf(folded);
            if (group < 0) {
                if (first.size() == MAX_FIRST_BYTES) {
                    return null;
                }
                first.add(folded);
                members.add(new ArrayList<>());
                group = first.size() - 1;
            }
            members.get(group).add(n);
        }
        int groups = first.size();
        long[] broadcasts = new long[groups];
        long[][] words = new long[groups][];
        int[][] lengths = new int[groups][];
        int[][] ids = new int[groups][];
        for (int g = 0; g < groups; g++) {
            broadcasts[g] = first.get(g) * LOWS;
            List<Integer> group = members.get(g);
            words[g] = new long[group.size()];
            lengths[g] = new int[group.size()];
            ids[g] = new int[group.size()];
            for (int k = 0; k < group.size(); k++) {
                byte[] needle = bytes.get(group.get(k));
                words[g][k] = ByteWords.pack(needle, 0, needle.length)[0];
                lengths[g][k] = needle.length;
                ids[g][k] = needleIds.get(group.get(k));
            }
        }
        return new ShortNeedles(broadcasts, words, lengths, ids);
    }

    /**
     * Tells {@code sink} the needles in {@code buffer[offset, end)}, a range already checked;
     * true when the sink asked to stop.
     */
    boolean scan(DirectBuffer buffer, int offset, int end, NeedleSearch.NeedleSink sink) {
        final long[] first = firstBytes;
        int i = offset;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            final long word = UncheckedReads.getLongLittleEndian(buffer, i) | CASE_BITS;
            long found = 0;
            for (long broadcast : first) {
                found |= ByteWords.exactZeroBytes(word ^ broadcast);
            }
            while (found != 0) {
                if (startingAt(buffer, i + (Long.numberOfTrailingZeros(found) >>> 3), end, sink)) {
                    return true;
                }
                found &= found - 1;
            }
        }
        for (; i < end; i++) {
            if (startingAt(buffer, i, end, sink)) {
                return true;
            }
        }
        return false;
    }

    /** Tells the needles that occur at {@code at}; true when the sink asked to stop. */
    private boolean startingAt(DirectBuffer buffer, int at, int end, NeedleSearch.NeedleSink sink) {
        final long folded = (UncheckedReads.getByte(buffer, at) | 0x20) & 0xFF;
        for (int g = 0; g < firstBytes.length; g++) {
            if ((firstBytes[g] & 0xFF) != folded) {
                continue;
            }
            final long[] groupWords = words[g];
            for (int k = 0; k < groupWords.length; k++) {
                final int length = lengths[g][k];
                if (at + length <= end && NeedleSearch.foldedEquals(buffer, at, groupWords, k, length)
                        && sink.onNeedle(ids[g][k])) {
                    return true;
                }
            }
        }
        return false;
    }
}
