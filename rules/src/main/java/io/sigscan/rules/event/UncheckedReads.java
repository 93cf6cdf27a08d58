package io.sigscan.rules.event;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

/**
 * Reads of a {@link DirectBuffer} without the bounds check Agrona makes on every call, for the
 * loops that touch every byte of the input: the JSON parser, the record splitter and the matchers'
 * inner loops. Agrona's check is a second test of an index those loops have already tested against
 * their own limit; it cost a fifth of a scan that reads and routes only. Callers must check that
 * limit against {@link DirectBuffer#capacity()} once, where it is set (one test per record or per
 * value instead of one per byte), and read only below it.
 *
 * <p>Every read is still checked against the capacity by an {@code assert}: tests run with
 * assertions on, so an index an off-by-one lets through fails there as an {@link AssertionError}
 * instead of reading past the buffer.
 */
public final class UncheckedReads {
    private static final boolean SWAP_TO_LITTLE_ENDIAN = ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN;

    private UncheckedReads() {
    }

    /** The byte at {@code index}, which must be within the buffer. */
    public static byte getByte(DirectBuffer buffer, int index) {
        assert index >= 0 && index < buffer.capacity() : outOfBounds(buffer, index, 1);
        return UnsafeApi.getByte(buffer.byteArray(), buffer.addressOffset() + index);
    }

    /** The eight bytes from {@code index}, which must be within the buffer, little-endian. */
    public static long getLongLittleEndian(DirectBuffer buffer, int index) {
        assert index >= 0 && index <= buffer.capacity() - Long.BYTES : outOfBounds(buffer, index, Long.BYTES);
        final long word = UnsafeApi.getLong(buffer.byteArray(), buffer.addressOffset() + index);
        return SWAP_TO_LITTLE_ENDIAN ? Long.reverseBytes(word) : word;
    }

    /** The four bytes from {@code index}, which must be within the buffer, little-endian. */
    public static int getIntLittleEndian(DirectBuffer buffer, int index) {
        assert index >= 0 && index <= buffer.capacity() - Integer.BYTES : outOfBounds(buffer, index, Integer.BYTES);
        final int word = UnsafeApi.getInt(buffer.byteArray(), buffer.addressOffset() + index);
        return SWAP_TO_LITTLE_ENDIAN ? Integer.reverseBytes(word) : word;
    }

    /**
     * Checks once that {@code [from, to)} lies within the buffer, before a loop reads it unchecked.
     *
     * @throws IndexOutOfBoundsException when it does not
     */
    public static void checkRange(DirectBuffer buffer, int from, int to) {
        if (from < 0 || to < from || to > buffer.capacity()) {
            throw new IndexOutOfBoundsException(outOfBounds(buffer, from, to - from));
        }
    }

    private static String outOfBounds(DirectBuffer buffer, int index, int length) {
        return "read of " + length + " bytes at " + index + " outside a buffer of " + buffer.capacity();
    }
}
