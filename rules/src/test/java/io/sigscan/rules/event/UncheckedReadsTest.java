package io.sigscan.rules.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class UncheckedReadsTest {

    @Test
    void readsAgreeWithTheCheckedReadsOnHeapAndDirectBuffers() {
        byte[] bytes = new byte[200];
        new Random(5).nextBytes(bytes);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes);
        for (UnsafeBuffer buffer : new UnsafeBuffer[] {new UnsafeBuffer(bytes), new UnsafeBuffer(direct)}) {
            for (int i = 0; i < bytes.length; i++) {
                assertEquals(buffer.getByte(i), UncheckedReads.getByte(buffer, i));
                assertEquals(buffer.getByte(i), UncheckedReads.getByte(buffer, buffer.byteArray(), buffer.addressOffset(), i));
            }
            for (int i = 0; i + 8 <= bytes.length; i++) {
                assertEquals(buffer.getLong(i, ByteOrder.LITTLE_ENDIAN), UncheckedReads.getLongLittleEndian(buffer, i));
                assertEquals(buffer.getInt(i, ByteOrder.LITTLE_ENDIAN), UncheckedReads.getIntLittleEndian(buffer, i));
                assertEquals(buffer.getInt(i, ByteOrder.LITTLE_ENDIAN),
                        UncheckedReads.getIntLittleEndian(buffer, buffer.byteArray(), buffer.addressOffset(), i));
                assertEquals(buffer.getLong(i, ByteOrder.LITTLE_ENDIAN),
                        UncheckedReads.getLongLittleEndian(buffer, buffer.byteArray(), buffer.addressOffset(), i));
            }
        }
    }

    @Test
    void copyCopiesExactlyTheRangeWhateverItsLength() {
        byte[] bytes = new byte[300];
        new Random(7).nextBytes(bytes);
        UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        for (int length = 0; length <= 100; length++) {
            for (int from = 0; from < 9; from++) {
                byte[] target = new byte[length + 20];
                Arrays.fill(target, (byte) 0x55);
                UncheckedReads.copy(buffer, from + 100, target, 3, length);
                byte[] expected = new byte[length + 20];
                Arrays.fill(expected, (byte) 0x55);
                System.arraycopy(bytes, from + 100, expected, 3, length);
                assertArrayEquals(expected, target, "length " + length + " from " + from);
            }
        }
    }

    @Test
    void rangesOutsideTheBufferOrTheTargetAreRefused() {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[16]);
        byte[] target = new byte[16];
        assertThrows(IndexOutOfBoundsException.class, () -> UncheckedReads.copy(buffer, 10, target, 0, 7));
        assertThrows(IndexOutOfBoundsException.class, () -> UncheckedReads.copy(buffer, -1, target, 0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> UncheckedReads.copy(buffer, 0, target, 12, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> UncheckedReads.checkRange(buffer, 4, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> UncheckedReads.checkRange(buffer, 0, 17));
    }

    /** Tests run with assertions on: an unchecked read past the buffer fails there instead of reading on. */
    @Test
    void anUncheckedReadPastTheBufferFailsUnderAssertions() {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[16]);
        assertThrows(AssertionError.class, () -> UncheckedReads.getByte(buffer, 16));
        assertThrows(AssertionError.class, () -> UncheckedReads.getLongLittleEndian(buffer, 9));
        assertThrows(AssertionError.class, () -> UncheckedReads.getIntLittleEndian(buffer, -1));
    }
}
