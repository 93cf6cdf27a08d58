package io.sigscan.rules.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ByteWordsTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNameHashesTheSameWhereverItLiesAndWhateverFollowsIt() {
        for (int length = 0; length <= 20; length++) {
            byte[] name = Arrays.copyOf(bytes("ProcessCommandLineXYZ"), length);
            int exact = ByteWords.hash(name, 0, length);
            for (int at = 0; at < 9; at++) {
                byte[] padded = new byte[at + length + 12];
                Arrays.fill(padded, (byte) 'q');
                System.arraycopy(name, 0, padded, at, length);
                assertEquals(exact, ByteWords.hash(padded, at, length), "length " + length + " at " + at);
            }
        }
    }

    @Test
    void hashingGoesOnAfterAnyWholeNumberOfWordsWithTheSameResult() {
        byte[] path = bytes("Event.EventData.ProcessCommandLine");
        for (int length = 0; length <= path.length; length++) {
            int whole = ByteWords.hash(path, 0, length);
            for (int words = 0; words * 8 <= length; words++) {
                long prefix = ByteWords.hashUpdate(ByteWords.HASH_SEED, path, 0, words * 8);
                assertEquals(whole, ByteWords.hashFinish(ByteWords.hashUpdate(prefix, path, words * 8, length), length),
                        "length " + length + ", resumed after " + words + " words");
            }
        }
    }

    @Test
    void namesDifferingInOneByteOrInLengthHashApart() {
        assertNotEquals(ByteWords.hash(bytes("Image"), 0, 5), ByteWords.hash(bytes("Imagf"), 0, 5));
        assertNotEquals(ByteWords.hash(bytes("ParentImage"), 0, 11), ByteWords.hash(bytes("ParentImagf"), 0, 11));
        byte[] zeros = new byte[16];
        assertNotEquals(ByteWords.hash(zeros, 0, 3), ByteWords.hash(zeros, 0, 4));
    }

    @Test
    void equalsComparesPackedWordsWithAnyRangeExactly() {
        byte[] key = bytes("TargetObject");
        long[] packed = ByteWords.pack(key, 0, key.length);
        byte[] haystack = bytes("..TargetObject..TargetObjecu");
        assertTrue(ByteWords.equals(haystack, 2, key.length, packed));
        assertFalse(ByteWords.equals(haystack, 16, key.length, packed));
        // At the very end of an array, where no whole last word can be read.
        byte[] tail = bytes("xxTargetObject");
        assertTrue(ByteWords.equals(tail, 2, key.length, packed));
    }

    @Test
    void containsFindsAByteInWordsAndInTheRest() {
        byte[] text = bytes("LogonTypeIsHere Now");
        assertTrue(ByteWords.contains(text, 0, text.length, (byte) ' '));
        assertFalse(ByteWords.contains(text, 0, 15, (byte) ' '));
        assertTrue(ByteWords.contains(text, 16, 3, (byte) 'N'));
        assertFalse(ByteWords.contains(text, 0, 0, (byte) 'L'));
        byte[] high = {(byte) 0xC3, (byte) 0xA9, 0x20};
        assertFalse(ByteWords.contains(high, 0, 2, (byte) ' '));
        assertTrue(ByteWords.contains(high, 0, 3, (byte) ' '));
    }

    @Test
    void partialWordReadsOnlyTheBytesAskedFor() {
        byte[] text = bytes("abcdefghij");
        assertEquals(0x636261L, ByteWords.partialWord(text, 0, 3));
        assertEquals(0x6A6968L, ByteWords.partialWord(text, 7, 3)); // byte by byte: no room for a word
        assertEquals(0, ByteWords.partialWord(text, 10, 0));
    }

    /** Every byte value in every lane, beside neighbours below and above it: the flags the scanners rely on. */
    @Test
    void zeroAndLowByteFlagsAreExactWhereTheyPromise() {
        for (int b = 0; b < 256; b++) {
            for (int neighbour : new int[] {0, 1, 0x1F, 0x20, 0x7F, 0x80, 0xFF}) {
                for (int lane = 0; lane < 8; lane++) {
                    long word = 0;
                    int firstZero = -1;
                    int firstBelow = -1;
                    long exactZeros = 0;
                    for (int k = 0; k < 8; k++) {
                        int value = k == lane ? b : neighbour;
                        word |= (long) value << (8 * k);
                        if (value == 0) {
                            exactZeros |= 0x80L << (8 * k);
                            firstZero = firstZero < 0 ? k : firstZero;
                        }
                        if (value < 0x20) {
                            firstBelow = firstBelow < 0 ? k : firstBelow;
                        }
                    }
                    assertEquals(exactZeros, ByteWords.exactZeroBytes(word), "exact zeros of " + Long.toHexString(word));
                    assertEquals(firstZero, lowestFlag(ByteWords.zeroBytes(word)), "first zero of " + Long.toHexString(word));
                    assertEquals(firstBelow, lowestFlag(ByteWords.bytesBelow(word, 0x20)), "first control of " + Long.toHexString(word));
                }
            }
        }
    }

    private static int lowestFlag(long flags) {
        return flags == 0 ? -1 : Long.numberOfTrailingZeros(flags) >>> 3;
    }
}
