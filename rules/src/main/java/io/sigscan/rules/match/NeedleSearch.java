package io.sigscan.rules.match;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.ByteWords;
import io.sigscan.rules.event.UncheckedReads;

/**
 * Finds many needles at once in a value, ASCII case folded: exact-enough bit tables over the
 * last bytes read, then a byte-by-byte check of the few needles a hit may mean.
 *
 * <p><b>Why not an automaton.</b> A dense Aho–Corasick DFA over thousands of needles (the
 * command-line fragments of every process-creation rule, the hashes of IOC rules) needs
 * megabytes of transition table, and a scan then misses the cache on nearly every byte. Here a
 * scan keeps the last four bytes in a register and, per byte, tests at most two bits of small
 * tables that stay in the cache; only a set bit leads to comparing needles, so the cost per
 * byte is the same for ten needles or ten thousand.
 *
 * <p><b>Needles of four bytes or more</b> are each filed under one <em>window</em> of four of
 * their bytes: the run that is rarest among all the needles' runs, so that needles sharing common
 * fragments ({@code \windows\}, {@code .exe}) are filed under fragments that rarely occur. The
 * windows' hashes are bits of a table of about {@value #BITS_PER_WINDOW} bits per window filed, so that
 * a value's windows seldom hit a needle's bit by chance. (A second hash, as in a Bloom filter,
 * was tried: on command lines it turned away under a tenth of the hits, which are mostly true
 * window matches, and was dropped.)
 *
 * <p><b>Stride.</b> When every needle has {@code 4 + k} bytes or more (k up to
 * {@value #MAX_STRIDE} - 1), each is filed under k + 1 consecutive windows instead of one, and a
 * scan tests only every (k + 1)-th position: any occurrence has one of its windows ending
 * there. Keyword rules (every string value of every event of their log source: SigmaHQ's
 * Mimikatz keywords apply to all Windows events) have long needles, so this cuts most of their
 * per-byte work.
 *
 * <p><b>Needles of one to three bytes</b> are found through an exact table of the last two
 * bytes (65,536 bits): a needle sets the bit of its last two bytes, or, for one byte, of every
 * pair ending with it. A separate table, because filing a short needle under a hashed window of
 * its own length would cost one more hash per byte and window length, for every byte of every
 * value (it was three times slower on command lines). When needles under five bytes (these, and
 * four-byte ones, which fit one window only) share a search with longer ones and start with at
 * most four distinct bytes, they are searched apart instead ({@link ShortNeedles}), and the longer
 * ones keep their stride.
 *
 * <p><b>Case.</b> Needles have no upper-case ASCII letter; a value's ASCII letters are folded
 * to lower case; other bytes compare exactly. Both tables see bytes with bit 5 (0x20) set, so
 * case never changes a bit, and the comparison decides. Folding ASCII case is exact for a value
 * unless it holds one of the few non-ASCII characters whose lower or upper case is ASCII ('İ',
 * 'ı', 'ſ', the Kelvin sign: what Unicode-aware case-insensitive globs and regexes may equate
 * with an ASCII letter); a scan that meets one gives up with {@link #FOLDING_DEFEATED} and the
 * caller decides without it.
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
    private static final int BITS_PER_WINDOW = 32;
    /** Largest window table: 2^20 bits, 128 KB. */
    private static final int MAX_TABLE_BITS = 20;
    private static final int MULTIPLIER = 0x9E3779B1;
    /** Bit 5 of each byte: set on both sides of every table lookup, so ASCII case never matters there. */
    private static final int CASE_BITS = 0x20202020;
    /** Most windows a needle is filed under (see {@link #scanStrided}). */
    private static final int MAX_STRIDE = 8;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final int PAIRS = 1 << 16;
    private static final int PAIR_BUCKET_BITS = 10;
    /** UTF-8 forms of the non-ASCII code points whose lower or upper case is ASCII. */
    private static final byte[][] FOLDS_TO_ASCII = foldingToAscii();

    /** Receives the needles a scan finds. */
    public interface NeedleSink {
        /** Needle {@code needle} occurs; returns true to stop the scan. */
        boolean onNeedle(int needle);
    }

    /** Bytes in the shortest needle. */
    private final int shortest;

    /** Whether any needle has four bytes or more; then the window filter below is in use. */
    private final boolean hasWindows;
    private final long[] windowBits;
    private final int shift;
    /** Long needles by the hash of a window they are filed under. */
    private final Buckets windowBuckets;
    /**
     * How many consecutive windows each long needle is filed under, when every needle is long
     * enough for more than one ({@link #scanStrided}); 1 otherwise.
     */
    private final int stride;

    /** The pairs of last two bytes that may end a short needle, or null when there is none. */
    private final long[] pairBits;
    private final Buckets pairBuckets;

    /** The needles too short to stride over, when searched apart from the rest; null otherwise. */
    private final ShortNeedles shortNeedles;

    /**
     * Filings by bucket, each with its needle inline, so that checking a hit reads one stretch of
     * memory instead of a needle array, its words and its id from three places (with thousands
     * of needles, each a likely cache miss: verifying hits was a tenth of a hunt). Bucket b's
     * filings lie in {@code filings[first[b], first[b + 1])}, each as: the index in the needle
     * where its window ends {@code << 32 |} the needle's length; its id; the needle packed into
     * little-endian words, the last zero-padded ({@link ByteWords#pack}).
     */
    private record Buckets(int[] first, long[] filings) {
        /** Longs a filing of a needle of {@code length} bytes takes. */
        static int filingSize(int length) {
            return 2 + ((length + 7) >>> 3);
        }
    }

    /**
     * Collects filings, then lays them out by bucket (a counting sort: plain arrays, because a
     * rule set builds thousands of searches, most of one or two needles, and a set per bucket
     * made building them a tenth of a hunt's start-up). With {@code distinct}, a filing repeated in
     * a bucket is kept once (a one-byte needle is filed under every pair ending with it, and
     * pairs share buckets); window filings never repeat, and checking them would make a bucket
     * that thousands of crafted needles share quadratic to build.
     */
    private static final class BucketsBuilder {
        private final int bucketCount;
        private final boolean distinct;
        private int[] bucket = new int[16];
        private int[] needle = new int[16];
        private int[] end = new int[16];
        private int size;

        BucketsBuilder(int bucketCount, boolean distinct) {
            this.bucketCount = bucketCount;
            this.distinct = distinct;
        }

        void add(int bucketIndex, int needleIndex, int endIndex) {
            if (size == bucket.length) {
                bucket = Arrays.copyOf(bucket, size * 2);
                needle = Arrays.copyOf(needle, size * 2);
                end = Arrays.copyOf(end, size * 2);
            }
            bucket[size] = bucketIndex;
            needle[size] = needleIndex;
            end[size++] = endIndex;
        }

        /** The filings laid out by bucket, with needle {@code n} as {@code words[n]}, {@code lengths[n]} bytes long, id {@code ids[n]}. */
        Buckets build(long[][] words, int[] lengths, int[] ids) {
            int[] first = new int[bucketCount + 1];
            for (int f = 0; f < size; f++) {
                first[bucket[f] + 1]++;
            }
            for (int b = 0; b < bucketCount; b++) {
                first[b + 1] += first[b];
            }
            int[] cursor = Arrays.copyOf(first, bucketCount);
            int[] needles = new int[size];
            int[] ends = new int[size];
            for (int f = 0; f < size; f++) {
                int b = bucket[f];
                if (!distinct || !filed(needles, ends, first[b], cursor[b], needle[f], end[f])) {
                    needles[cursor[b]] = needle[f];
                    ends[cursor[b]++] = end[f];
                }
            }
            // Close the gaps the repeats left.
            int[] packedFirst = new int[bucketCount + 1];
            int at = 0;
            for (int b = 0; b < bucketCount; b++) {
                packedFirst[b] = at;
                for (int f = first[b]; f < cursor[b]; f++) {
                    needles[at] = needles[f];
                    ends[at++] = ends[f];
                }
            }
            packedFirst[bucketCount] = at;
            return inline(packedFirst, needles, ends, words, lengths, ids);
        }

        private Buckets inline(int[] first, int[] needles, int[] ends, long[][] words, int[] lengths, int[] ids) {
            int[] inlineFirst = new int[bucketCount + 1];
            int size = 0;
            for (int f = 0; f < first[bucketCount]; f++) {
                size += Buckets.filingSize(lengths[needles[f]]);
            }
            long[] filings = new long[size];
            int at = 0;
            for (int b = 0; b < bucketCount; b++) {
                inlineFirst[b] = at;
                for (int f = first[b]; f < first[b + 1]; f++) {
                    int n = needles[f];
                    filings[at] = (long) ends[f] << 32 | lengths[n];
                    filings[at + 1] = ids[n];
                    System.arraycopy(words[n], 0, filings, at + 2, words[n].length);
                    at += Buckets.filingSize(lengths[n]);
                }
            }
            inlineFirst[bucketCount] = at;
            return new Buckets(inlineFirst, filings);
        }

        private static boolean filed(int[] needles, int[] ends, int from, int to, int needle, int end) {
            for (int f = from; f < to; f++) {
                if (needles[f] == needle && ends[f] == end) {
                    return true;
                }
            }
            return false;
        }
    }

    private NeedleSearch(int shortest, boolean hasWindows, long[] windowBits, int shift, Buckets windowBuckets,
            int stride, long[] pairBits, Buckets pairBuckets, ShortNeedles shortNeedles) {
        this.shortest = shortest;
        this.shortNeedles = shortNeedles;
        this.hasWindows = hasWindows;
        this.windowBits = windowBits;
        this.shift = shift;
        this.windowBuckets = windowBuckets;
        this.stride = stride;
        this.pairBits = pairBits;
        this.pairBuckets = pairBuckets;
    }

    /**
     * {@code needles.get(i)} is needle id {@code ids[i]}: no upper-case ASCII, never empty. A text
     * may repeat under several ids; each is told.
     */
    public static NeedleSearch build(List<String> needles, int[] ids) {
        List<byte[]> all = new ArrayList<>();
        List<byte[]> longBytes = new ArrayList<>();
        List<Integer> longIds = new ArrayList<>();
        List<byte[]> shortBytes = new ArrayList<>();
        List<Integer> shortIds = new ArrayList<>();
        int shortestApart = Integer.MAX_VALUE;
        for (int n = 0; n < needles.size(); n++) {
            byte[] bytes = needles.get(n).getBytes(StandardCharsets.UTF_8);
            all.add(bytes);
            if (bytes.length > 0 && bytes.length < ShortNeedles.LONG_FROM) {
                shortBytes.add(bytes);
                shortIds.add(ids[n]);
                shortestApart = Math.min(shortestApart, bytes.length);
            } else {
                longBytes.add(bytes);
                longIds.add(ids[n]);
            }
        }
        // With no long needle left, the tables hold nothing and the short needles alone are searched.
        ShortNeedles apart = shortBytes.isEmpty() ? null : ShortNeedles.of(shortBytes, shortIds);
        if (apart == null) {
            return tables(all, ids, null, Integer.MAX_VALUE);
        }
        return tables(longBytes, longIds.stream().mapToInt(Integer::intValue).toArray(), apart, shortestApart);
    }

    /**
     * A search of {@code needles} (UTF-8) through the window and pair tables, with {@code apart}
     * (whose shortest needle has {@code shortestApart} bytes) searched before them, when not null.
     */
    private static NeedleSearch tables(List<byte[]> needles, int[] ids, ShortNeedles apart, int shortestApart) {
        int count = needles.size();
        byte[][] bytes = needles.toArray(new byte[0][]);
        int longCount = 0;
        int shortest = Integer.MAX_VALUE;
        for (int n = 0; n < count; n++) {
            if (bytes[n].length == 0) {
                throw new IllegalArgumentException("empty needle");
            }
            if (bytes[n].length >= WINDOW) {
                longCount++;
            }
            shortest = Math.min(shortest, bytes[n].length);
        }
        // Needles of n >= 5 bytes have n - 3 windows: filed under `stride` consecutive ones, a
        // scan need only test every stride-th position.
        int stride = count == 0 ? 1 : Math.max(1, Math.min(MAX_STRIDE, shortest - WINDOW + 1));
        int[] windowEnd = chooseWindows(bytes, stride);

        // Sized by filings, so a tested position hits by chance about once in BITS_PER_WINDOW
        // whatever the stride. (Sized by needles, a strided table was stride times denser: the
        // Mimikatz keywords, searched in every string of every Windows event, hit a false window
        // at one tested position in thirteen.) Capped so that the largest sets stay in the cache.
        int bits = 10;
        while (bits < MAX_TABLE_BITS && (1 << bits) < (long) longCount * stride * BITS_PER_WINDOW) {
            bits++;
        }
        int shift = 32 - bits;
        long[] windowBits = new long[(1 << bits) >>> 6];
        BucketsBuilder windowFiled = new BucketsBuilder(1 << bits, false);
        long[] pairBits = longCount == count ? null : new long[PAIRS >>> 6];
        BucketsBuilder pairFiled = new BucketsBuilder(pairBits == null ? 0 : 1 << PAIR_BUCKET_BITS, true);
        for (int n = 0; n < count; n++) {
            byte[] needle = bytes[n];
            if (needle.length >= WINDOW) {
                for (int end = windowEnd[n] - stride + 1; end <= windowEnd[n]; end++) {
                    int folded = (needle[end - 3] & 0xFF | (needle[end - 2] & 0xFF) << 8
                            | (needle[end - 1] & 0xFF) << 16 | (needle[end] & 0xFF) << 24) | CASE_BITS;
                    int h = (folded * MULTIPLIER) >>> shift;
                    windowBits[h >>> 6] |= 1L << h;
                    windowFiled.add(h, n, end);
                }
            } else {
                int last = (needle[needle.length - 1] | 0x20) & 0xFF;
                for (int before = 0; before < 256; before++) {
                    if (needle.length >= 2 && before != (needle[needle.length - 2] & 0xFF)) {
                        continue;
                    }
                    int pair = last << 8 | ((before | 0x20) & 0xFF);
                    pairBits[pair >>> 6] |= 1L << pair;
                    pairFiled.add(pairBucket(pair), n, needle.length - 1);
                }
            }
        }
        long[][] words = new long[count][];
        int[] lengths = new int[count];
        for (int n = 0; n < count; n++) {
            words[n] = ByteWords.pack(bytes[n], 0, bytes[n].length);
            lengths[n] = bytes[n].length;
        }
        return new NeedleSearch(Math.min(shortest, shortestApart), longCount > 0, windowBits, shift,
                windowFiled.build(words, lengths, ids), stride, pairBits, pairFiled.build(words, lengths, ids), apart);
    }

    private static int pairBucket(int pair) {
        return (pair * MULTIPLIER) >>> (32 - PAIR_BUCKET_BITS);
    }

    /**
     * Per needle, the end of the last of its {@code stride} consecutive four-byte runs that are
     * rarest, together, across all needles (the whole needle when shorter than four bytes).
     */
    private static int[] chooseWindows(byte[][] needles, int stride) {
        WindowCounts counts = new WindowCounts(needles);
        int[] windowEnd = new int[needles.length];
        for (int n = 0; n < needles.length; n++) {
            byte[] needle = needles[n];
            windowEnd[n] = needle.length - 1;
            long best = Long.MAX_VALUE;
            for (int end = WINDOW - 1 + stride - 1; end < needle.length; end++) {
                long seen = 0;
                for (int k = 0; k < stride; k++) {
                    seen += counts.count(window(needle, end - k));
                }
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

    /** Whether the needles too short to stride over are searched apart ({@link ShortNeedles}). For tests. */
    boolean searchesShortNeedlesApart() {
        return shortNeedles != null;
    }

    /**
     * Bytes in the shortest needle: a value of fewer bytes holds no needle, even under the
     * Unicode case folding that {@link #FOLDING_DEFEATED} defers to (the characters that fold
     * to ASCII letters are longer than them in UTF-8).
     */
    public int shortestNeedle() {
        return shortest;
    }

    /**
     * Runs {@code buffer[offset, offset + length)} through the search, in place, telling
     * {@code sink} every needle that occurs (a needle may be told more than once) until the sink
     * asks to stop.
     *
     * @return {@link #NO_NEEDLE} or {@link #STOPPED}; {@link #FOLDING_DEFEATED} when the bytes hold
     *         a character that ASCII folding may get wrong, in which case no needle is told and
     *         the caller must decide without this search
     * @throws IndexOutOfBoundsException when the range does not lie within the buffer
     */
    public int scan(DirectBuffer buffer, int offset, int length, NeedleSink sink) {
        // One check per value: the loops below read unchecked within it.
        UncheckedReads.checkRange(buffer, offset, offset + length);
        final int end = offset + length;
        if (defeatsFolding(buffer, offset, end)) {
            return FOLDING_DEFEATED;
        }
        return search(buffer, offset, end, sink);
    }

    /**
     * {@link #scan} of bytes the caller knows to be ASCII (no byte above 0x7F), so that ASCII
     * folding cannot be defeated and the pass that checks it is skipped; never
     * {@link #FOLDING_DEFEATED}.
     */
    public int scanAscii(DirectBuffer buffer, int offset, int length, NeedleSink sink) {
        UncheckedReads.checkRange(buffer, offset, offset + length);
        return search(buffer, offset, offset + length, sink);
    }

    private int search(DirectBuffer buffer, int offset, int end, NeedleSink sink) {
        if (shortNeedles != null) {
            if (shortNeedles.scan(buffer, offset, end, sink)) {
                return STOPPED;
            }
            if (!hasWindows) {
                return NO_NEEDLE; // every needle was short
            }
        }
        if (stride > 1) {
            return scanStrided(buffer, offset, end, sink);
        }
        final boolean windows = hasWindows;
        final long[] bits = windowBits;
        final long[] pairs = pairBits;
        final int shift = this.shift;
        int word = 0;
        final byte[] array = buffer.byteArray();
        final long address = buffer.addressOffset();
        for (int i = offset; i < end; i++) {
            // The last four bytes, the newest in the high byte; windows before the fourth byte hold zeros, never a match.
            word = word >>> 8 | (UncheckedReads.getByte(buffer, array, address, i) & 0xFF) << 24;
            final int folded = word | CASE_BITS;
            if (windows) {
                final int h = (folded * MULTIPLIER) >>> shift;
                if ((bits[h >>> 6] & 1L << h) != 0 && verify(windowBuckets, h, buffer, offset, i, end, sink)) {
                    return STOPPED;
                }
            }
            if (pairs != null) {
                final int pair = folded >>> 16;
                if ((pairs[pair >>> 6] & 1L << pair) != 0
                        && verify(pairBuckets, pairBucket(pair), buffer, offset, i, end, sink)) {
                    return STOPPED;
                }
            }
        }
        return NO_NEEDLE;
    }

    /**
     * Whether any needle occurs in {@code buffer[offset, offset + length)}: {@link #NO_NEEDLE},
     * {@link #STOPPED} (one does) or {@link #FOLDING_DEFEATED}. For matchers.
     */
    int findAny(DirectBuffer buffer, int offset, int length) {
        return scan(buffer, offset, length, FIRST_NEEDLE);
    }

    private static final NeedleSink FIRST_NEEDLE = needle -> true;

    /**
     * {@link #scan} when every needle is filed under {@link #stride} consecutive windows: any
     * occurrence has one of them ending at a position {@code 3 + k * stride}, so only those
     * positions are tested, each with one four-byte load.
     */
    private int scanStrided(DirectBuffer buffer, int offset, int end, NeedleSink sink) {
        final long[] bits = windowBits;
        final int shift = this.shift;
        final int step = stride;
        final byte[] array = buffer.byteArray();
        final long address = buffer.addressOffset();
        for (int last = offset + WINDOW - 1; last < end; last += step) {
            final int folded = UncheckedReads.getIntLittleEndian(buffer, array, address, last - (WINDOW - 1)) | CASE_BITS;
            final int h = (folded * MULTIPLIER) >>> shift;
            if ((bits[h >>> 6] & 1L << h) != 0 && verify(windowBuckets, h, buffer, offset, last, end, sink)) {
                return STOPPED;
            }
        }
        return NO_NEEDLE;
    }

    /** Whether {@code buffer[offset, end)} holds a character ASCII folding may get wrong: ASCII is skipped eight bytes at a time. */
    private static boolean defeatsFolding(DirectBuffer buffer, int offset, int end) {
        int i = offset;
        while (i + 8 <= end && (UncheckedReads.getLongLittleEndian(buffer, i) & HIGH_BITS) == 0) {
            i += 8;
        }
        for (; i < end; i++) {
            if (UncheckedReads.getByte(buffer, i) < 0 && foldsToAscii(buffer, i, end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks the needles of {@code bucket} whose window would end at {@code i} of the value
     * {@code [offset, end)}; true when the sink stops.
     */
    private static boolean verify(Buckets buckets, int bucket, DirectBuffer buffer, int offset, int i, int end,
                                  NeedleSink sink) {
        final long[] filings = buckets.filings;
        for (int at = buckets.first[bucket], last = buckets.first[bucket + 1]; at < last; ) {
            final long header = filings[at];
            final int needleLength = (int) header;
            final int start = i - (int) (header >>> 32);
            if (start >= offset && start + needleLength <= end && foldedEquals(buffer, start, filings, at + 2, needleLength)
                    && sink.onNeedle((int) filings[at + 1])) {
                return true;
            }
            at += Buckets.filingSize(needleLength);
        }
        return false;
    }

    /** Whether the bytes at {@code start}, ASCII case folded, hold the needle packed at {@code words[wordsAt]}: eight bytes at a time. */
    static boolean foldedEquals(DirectBuffer buffer, int start, long[] words, int wordsAt, int length) {
        int k = 0;
        for (; k + 8 <= length; k += 8) {
            if (lowerAscii(UncheckedReads.getLongLittleEndian(buffer, start + k)) != words[wordsAt + (k >>> 3)]) {
                return false;
            }
        }
        if (k == length) {
            return true;
        }
        long tail = 0;
        for (int b = length - 1; b >= k; b--) {
            tail = tail << 8 | (UncheckedReads.getByte(buffer, start + b) & 0xFF);
        }
        return lowerAscii(tail) == words[wordsAt + (k >>> 3)];
    }

    /** {@code word} with its ASCII upper-case letters made lower case, other bytes as they are. */
    static long lowerAscii(long word) {
        final long sevenBits = word & ~HIGH_BITS;
        // High bit of each byte: set from 'A' up (+0x3F), and from 'Z' + 1 up (+0x25); no carry leaves a byte.
        final long upper = ((sevenBits + 0x3F3F3F3F3F3F3F3FL) ^ (sevenBits + 0x2525252525252525L)) & ~word & HIGH_BITS;
        return word | upper >>> 2;
    }

    private static boolean foldsToAscii(DirectBuffer buffer, int index, int end) {
        outer:
        for (byte[] form : FOLDS_TO_ASCII) {
            if (index + form.length > end) {
                continue;
            }
            for (int k = 0; k < form.length; k++) {
                if (UncheckedReads.getByte(buffer, index + k) != form[k]) {
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
}
