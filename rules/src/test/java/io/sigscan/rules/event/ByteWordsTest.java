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
}
