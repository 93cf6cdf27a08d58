package io.sigscan.rules.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte-array helpers that work eight bytes at a time, for the short names and keys readers look
 * up once per field of every event (a byte-at-a-time hash over them was a tenth of JSON reading).
 * Words are little-endian: byte {@code i} of a word is bits {@code 8i..8i+7}.
 */
public final class ByteWords {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

    private ByteWords() {
    }

    /** The eight bytes at {@code at}, which must all lie inside the array. */
    public static long word(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /** Writes {@code word} to the eight bytes at {@code at}, which must all lie inside the array. */
    public static void putWord(byte[] bytes, int at, long word) {
        LONGS.set(bytes, at, word);
    }

    /**
     * The {@code count} (0 to 8) bytes at {@code at} as a word, higher bytes zero: one whole read
     * when the array has eight bytes there, byte by byte otherwise.
     */
    public static long partialWord(byte[] bytes, int at, int count) {
        if (count == 0) {
            return 0;
        }
        if (at + 8 <= bytes.length) {
            return (long) LONGS.get(bytes, at) & (-1L >>> (64 - 8 * count));
        }
        long word = 0;
        for (int b = count - 1; b >= 0; b--) {
            word = word << 8 | (bytes[at + b] & 0xFF);
        }
        return word;
    }

    /** A hash of {@code bytes[offset, offset + length)}, a word at a time. */
    public static int hash(byte[] bytes, int offset, int length) {
        return hashFinish(hashUpdate(HASH_SEED, bytes, offset, offset + length), length);
    }

    /**
     * The state {@link #hash} starts from. Hashing can stop after any whole number of words from
     * the start and go on later: {@code hash(b, 0, n)} is {@code hashFinish(hashUpdate(hashUpdate(
     * HASH_SEED, b, 0, 8k), b, 8k, n), n)}, so a reader looking up every key under one parent path
     * hashes the parent's words once.
     */
    public static final long HASH_SEED = GOLDEN;

    /**
     * Mixes {@code bytes[from, to)} into hash state {@code h}, a word at a time from {@code from};
     * a last partial word is mixed with its missing bytes as zeros, so more may follow only after
     * a multiple of eight bytes.
     */
    public static long hashUpdate(long h, byte[] bytes, int from, int to) {
        int i = from;
        final int wordsEnd = to - ((to - from) & 7);
        for (; i < wordsEnd; i += 8) {
            h = (h ^ (long) LONGS.get(bytes, i)) * GOLDEN;
        }
        if (i < to) {
            h = (h ^ partialWord(bytes, i, to - i)) * GOLDEN;
        }
        return h;
    }

    /** The hash of {@code length} bytes mixed into state {@code h} by {@link #hashUpdate}. */
    public static int hashFinish(long h, int length) {
        h = (h ^ length) * GOLDEN;
        return (int) (h ^ h >>> 32 ^ h >>> 17);
    }

    /** Whether {@code bytes[offset, offset + length)} holds {@code value}. */
    public static boolean contains(byte[] bytes, int offset, int length, byte value) {
        final long pattern = repeated(value);
        final int end = offset + length;
        int i = offset;
        for (; i + 8 <= end; i += 8) {
            if (zeroBytes((long) LONGS.get(bytes, i) ^ pattern) != 0) {
                return true;
            }
        }
        for (; i < end; i++) {
            if (bytes[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code bytes[offset, offset + length)} equals {@code words}, {@code length} bytes packed as by {@link #partialWord}. */
    public static boolean equals(byte[] bytes, int offset, int length, long[] words) {
        int i = offset;
        int w = 0;
        final int wordsEnd = offset + (length & ~7);
        for (; i < wordsEnd; i += 8, w++) {
            if ((long) LONGS.get(bytes, i) != words[w]) {
                return false;
            }
        }
        return i == offset + length || partialWord(bytes, i, offset + length - i) == words[w];
    }

    /** {@code length} bytes packed into words as by {@link #partialWord}, the last one zero-padded. */
    public static long[] pack(byte[] bytes, int offset, int length) {
        long[] words = new long[(length + 7) >>> 3];
        for (int w = 0; w < words.length; w++) {
            words[w] = partialWord(bytes, offset + 8 * w, Math.min(8, length - 8 * w));
        }
        return words;
    }

    /** A word with byte {@code b} in each of its eight bytes. */
    public static long repeated(int b) {
        return ONES * (b & 0xFF);
    }

    /**
     * The high bit of each byte of {@code word} below {@code limit} (1 to 128), and perhaps of
     * bytes above the lowest such one (borrows run upwards): the lowest flag is exact, so the
     * result is 0 exactly when no byte is below the limit, and its lowest bit finds the first.
     */
    public static long bytesBelow(long word, int limit) {
        return (word - repeated(limit)) & ~word & HIGHS;
    }

    /** {@link #bytesBelow} 1: the zero bytes of {@code word}, the lowest flag exact. */
    public static long zeroBytes(long word) {
        return bytesBelow(word, 1);
    }

    /** The high bit of each zero byte of {@code word}, every flag exact (no borrow crosses a byte). */
    public static long exactZeroBytes(long word) {
        return ~(((word & LOWS) + LOWS) | word) & HIGHS;
    }
}
