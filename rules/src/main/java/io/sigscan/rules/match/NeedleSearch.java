package io.sigscan.rules.match;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.agrona.DirectBuffer;

/**
 * Finds many needles at once in a value, ASCII case folded: a hashed filter over short windows
 * of the needles, then a byte-by-byte check of the few needles a hit may mean.
 *
 * <p><b>Why not an automaton.</b> A dense Aho–Corasick DFA over thousands of needles (the
 * command-line fragments of every process-creation rule, the hashes of IOC rules) needs
 * megabytes of transition table, and a scan then misses the cache on nearly every byte. Here
 * each needle is represented by one <em>window</em> of up to four of its bytes, and a scan keeps
 * the last four bytes in a register and tests one bit of a bitmap per byte and window length: a
 * bitmap of 16 bits per window, a few KiB that stay in the L1 cache. A set bit is followed by a
 * comparison of the needles filed under that bit, so the cost per byte is the same for ten
 * needles or ten thousand.
 *
 * <p><b>Windows.</b> A needle's window is its rarest run of four bytes among all the needles'
 * runs, so needles sharing common fragments ({@code \windows\}, {@code .exe}) are filed under
 * fragments that rarely occur and the check after a hit seldom runs. Needles shorter than four
 * bytes are their own window.
 *
 * <p><b>Case.</b> Needles have no upper-case ASCII letter; a value's ASCII letters are folded
 * to lower case; other bytes compare exactly. Folding ASCII case is exact for a value unless it
 * holds one of the few non-ASCII characters whose lower or upper case is ASCII ('İ', 'ı', 'ſ',
 * the Kelvin sign: what Unicode-aware case-insensitive globs and regexes may equate with an
 * ASCII letter); a scan that meets one gives up with {@link #FOLDING_DEFEATED} and the caller
 * decides without it.
 *
 * <p>Immutable and shared by all scan workers; scans allocate nothing.
 */
public final class NeedleSearch {
    /** What a scan saw: no needle. */
    public static final int NO_NEEDLE = 0;
    /** A needle occurs and the sink asked to stop (for {@link #findAny}: a needle occurs). */
    public static final int STOPPED = 1;
    /** The value holds a character that ASCII folding may get wrong; the scan gave up there. */
    public static final int FOLDING_DEFEATED = 2;

    private static final int WINDOW = 4;
    private static final int MULTIPLIER = 0x9E3779B1;
    /** UTF-8 forms of the non-ASCII code points whose lower or upper case is ASCII. */
    private static final byte[][] FOLDS_TO_ASCII = foldingToAscii();
    private static final byte[] FOLD = foldTable();

    /** Receives the needles a scan finds. */
    public interface NeedleSink {
        /** Needle {@code needle} occurs; returns true to stop the scan. */
        boolean onNeedle(int needle);
    }

    /** One bit per hash of a window; the window lengths in use as bits 1..4. */
    private final long[] bitmap;
    private final int shift;
    private final int lengthsInUse;
    /** Needles filed under hash h: {@code filed[firstFiled[h] .. firstFiled[h + 1])}, as needle indexes. */
    private final int[] firstFiled;
    private final int[] filed;
    private final byte[][] needles;
    /** Index in its needle of the last byte of the needle's window. */
    private final int[] windowEnd;
    private final int[] ids;

    private NeedleSearch(long[] bitmap, int shift, int lengthsInUse, int[] firstFiled, int[] filed, byte[][] needles,
            int[] windowEnd, int[] ids) {
        this.bitmap = bitmap;
        this.shift = shift;
        this.lengthsInUse = lengthsInUse;
        this.firstFiled = firstFiled;
        this.filed = filed;
        this.needles = needles;
        this.windowEnd = windowEnd;
        this.ids = ids;
    }

    /**
     * {@code needles.get(i)} is needle id {@code ids[i]}: no upper-case ASCII, never empty. A text
     * may repeat under several ids; each is told.
     */
    public static NeedleSearch build(List<String> needles, int[] ids) {
        int count = needles.size();
        byte[][] bytes = new byte[count][];
        for (int n = 0; n < count; n++) {
            bytes[n] = needles.get(n).getBytes(StandardCharsets.UTF_8);
            if (bytes[n].length == 0) {
                throw new IllegalArgumentException("empty needle");
            }
        }
        int[] windowEnd = chooseWindows(bytes);

        int bits = 12;
        while (bits < 22 && (1 << bits) < count * 16) {
            bits++;
        }
        int shift = 32 - bits;
        int[] hashes = new int[count];
        int lengthsInUse = 0;
        int[] perHash = new int[(1 << bits) + 1];
        for (int n = 0; n < count; n++) {
            int length = Math.min(WINDOW, bytes[n].length);
            lengthsInUse |= 1 << length;
            int word = 0;
            for (int i = windowEnd[n] - length + 1; i <= windowEnd[n]; i++) {
                word = word >>> 8 | (bytes[n][i] & 0xFF) << 24;
            }
            hashes[n] = hash(word >>> (8 * (WINDOW - length)), length, shift);
            perHash[hashes[n] + 1]++;
        }
        for (int h = 0; h < 1 << bits; h++) {
            perHash[h + 1] += perHash[h];
        }
        int[] filed = new int[count];
        int[] cursor = Arrays.copyOf(perHash, perHash.length);
        long[] bitmap = new long[Math.max(1, (1 << bits) >>> 6)];
        for (int n = 0; n < count; n++) {
            filed[cursor[hashes[n]]++] = n;
            bitmap[hashes[n] >>> 6] |= 1L << hashes[n];
        }
        return new NeedleSearch(bitmap, shift, lengthsInUse, perHash, filed, bytes, windowEnd, ids.clone());
    }

    /** Per needle, the end of its rarest four-byte run across all needles (the whole needle when shorter). */
    private static int[] chooseWindows(byte[][] needles) {
        WindowCounts counts = new WindowCounts(needles);
        int[] windowEnd = new int[needles.length];
        for (int n = 0; n < needles.length; n++) {
            byte[] needle = needles[n];
            windowEnd[n] = needle.length - 1;
            int best = Integer.MAX_VALUE;
            for (int end = WINDOW - 1; end < needle.length; end++) {
                int seen = counts.count(window(needle, end));
                if (seen < best) {
                    best = seen;
                    windowEnd[n] = end;
                }
            }
        }
        return windowEnd;
    }

    /** How many times each four-byte run occurs in the needles: open addressing, no boxing (sets can hold 100,000 runs). */
    private static final class WindowCounts {
        private final int[] windows;
        private final int[] counts;
        private final boolean[] used;

        WindowCounts(byte[][] needles) {
            int runs = 0;
            for (byte[] needle : needles) {
                runs += Math.max(0, needle.length - WINDOW + 1);
            }
            int size = Integer.highestOneBit(Math.max(8, runs * 2) - 1) << 1;
            windows = new int[size];
            counts = new int[size];
            used = new boolean[size];
            for (byte[] needle : needles) {
                for (int end = WINDOW - 1; end < needle.length; end++) {
                    counts[find(window(needle, end))]++;
                }
            }
        }

        int count(int window) {
            return counts[find(window)];
        }

        private int find(int window) {
            int at = (window ^ (window >>> 16)) & (windows.length - 1);
            while (used[at] && windows[at] != window) {
                at = (at + 1) & (windows.length - 1);
            }
            used[at] = true;
            windows[at] = window;
            return at;
        }
    }

    /** The four bytes ending at {@code end}, mixed (a bijection) so that hash tables spread them well. */
    private static int window(byte[] needle, int end) {
        return ((needle[end - 3] & 0xFF) | (needle[end - 2] & 0xFF) << 8 | (needle[end - 1] & 0xFF) << 16
                | (needle[end] & 0xFF) << 24) * MULTIPLIER;
    }

    /**
     * The bitmap index of a window: its bytes, the first in the low byte, and its length. Bit 5
     * (0x20) of every byte is set first, so that folding case never changes the hash.
     */
    private static int hash(int window, int length, int shift) {
        return ((window | 0x20202020) * MULTIPLIER + length * 0x7F4A7C15) >>> shift;
    }

    /**
     * Runs {@code bytes[0, length)} through the search, telling {@code sink} every needle that
     * occurs (a needle may be told more than once).
     *
     * @return {@link #NO_NEEDLE} or {@link #STOPPED}; {@link #FOLDING_DEFEATED} when the bytes hold
     *         a character that ASCII folding may get wrong, in which case the needles told so far
     *         are not all there are and the caller must decide without this search
     */
    public int scan(byte[] bytes, int length, NeedleSink sink) {
        final long[] bits = bitmap;
        final int shift = this.shift;
        final int lengths = lengthsInUse;
        int word = 0;
        for (int i = 0; i < length; i++) {
            final byte b = bytes[i];
            if (b < 0 && foldsToAscii(bytes, i, length)) {
                return FOLDING_DEFEATED;
            }
            word = word >>> 8 | (b & 0xFF) << 24;
            if (i >= WINDOW - 1 && (lengths & 1 << WINDOW) != 0) {
                final int h = hash(word, WINDOW, shift);
                if ((bits[h >>> 6] & 1L << h) != 0 && verify(h, bytes, i, length, sink)) {
                    return STOPPED;
                }
            }
            if ((lengths & 0b1110) != 0 && shortWindows(word, i, bytes, length, sink)) {
                return STOPPED;
            }
        }
        return NO_NEEDLE;
    }

    /** The needles shorter than a window, ending at {@code i}. */
    private boolean shortWindows(int word, int i, byte[] bytes, int length, NeedleSink sink) {
        for (int size = 1; size < WINDOW; size++) {
            if ((lengthsInUse & 1 << size) != 0 && i >= size - 1) {
                final int h = hash(word >>> (8 * (WINDOW - size)), size, shift);
                if ((bitmap[h >>> 6] & 1L << h) != 0 && verify(h, bytes, i, length, sink)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Checks the needles filed under {@code h} whose window ends at {@code i}; true when the sink stops. */
    private boolean verify(int h, byte[] bytes, int i, int length, NeedleSink sink) {
        for (int f = firstFiled[h]; f < firstFiled[h + 1]; f++) {
            final int n = filed[f];
            final byte[] needle = needles[n];
            final int start = i - windowEnd[n];
            if (start >= 0 && start + needle.length <= length && foldedEquals(bytes, start, needle)
                    && sink.onNeedle(ids[n])) {
                return true;
            }
        }
        return false;
    }

    private static boolean foldedEquals(byte[] bytes, int start, byte[] needle) {
        for (int k = 0; k < needle.length; k++) {
            if (FOLD[bytes[start + k] & 0xFF] != needle[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether any needle occurs in {@code buffer[offset, offset + length)}: {@link #NO_NEEDLE},
     * {@link #STOPPED} or {@link #FOLDING_DEFEATED}. Reads the buffer in place: for matchers,
     * which have no scratch of their own.
     */
    public int findAny(DirectBuffer buffer, int offset, int length) {
        final int end = offset + length;
        int word = 0;
        for (int i = offset; i < end; i++) {
            final byte b = buffer.getByte(i);
            if (b < 0 && foldsToAscii(buffer, i, end)) {
                return FOLDING_DEFEATED;
            }
            word = word >>> 8 | (b & 0xFF) << 24;
            for (int size = 1; size <= WINDOW; size++) {
                if ((lengthsInUse & 1 << size) != 0 && i - offset >= size - 1) {
                    final int h = hash(word >>> (8 * (WINDOW - size)), size, shift);
                    if ((bitmap[h >>> 6] & 1L << h) != 0 && anyFiledOccurs(h, buffer, offset, i, end)) {
                        return STOPPED;
                    }
                }
            }
        }
        return NO_NEEDLE;
    }

    private boolean anyFiledOccurs(int h, DirectBuffer buffer, int offset, int i, int end) {
        for (int f = firstFiled[h]; f < firstFiled[h + 1]; f++) {
            final byte[] needle = needles[filed[f]];
            final int start = i - windowEnd[filed[f]];
            if (start >= offset && start + needle.length <= end && foldedEquals(buffer, start, needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean foldedEquals(DirectBuffer buffer, int start, byte[] needle) {
        for (int k = 0; k < needle.length; k++) {
            if (FOLD[buffer.getByte(start + k) & 0xFF] != needle[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean foldsToAscii(byte[] bytes, int index, int end) {
        for (byte[] form : FOLDS_TO_ASCII) {
            if (index + form.length <= end && Arrays.equals(bytes, index, index + form.length, form, 0, form.length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean foldsToAscii(DirectBuffer buffer, int index, int end) {
        outer:
        for (byte[] form : FOLDS_TO_ASCII) {
            if (index + form.length > end) {
                continue;
            }
            for (int k = 0; k < form.length; k++) {
                if (buffer.getByte(index + k) != form[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[][] foldingToAscii() {
        List<byte[]> forms = new ArrayList<>();
        for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.toLowerCase(cp) < 0x80 || Character.toUpperCase(cp) < 0x80) {
                forms.add(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return forms.toArray(new byte[0][]);
    }

    private static byte[] foldTable() {
        byte[] fold = new byte[256];
        for (int b = 0; b < 256; b++) {
            fold[b] = (byte) (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
        }
        return fold;
    }
}
