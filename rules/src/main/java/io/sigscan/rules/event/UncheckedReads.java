package io.sigscan.rules.event;

import java.nio.ByteOrder;
import java.util.Objects;

import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

/**
 * Reads of a {@link DirectBuffer} without the bounds check Agrona makes on every call, for the
 * loops that touch every byte of the input: the JSON parser, the record splitter, the needle
 * search and the matchers' inner loops. Agrona's check is a second test of an index those loops have already tested against
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
    /** Length from which {@link #copy} leaves the work to a bulk copy. */
    private static final int BULK_COPY_FROM = 64;

    private UncheckedReads() {
    }

    /** The byte at {@code index}, which must be within the buffer. */
    public static byte getByte(DirectBuffer buffer, int index) {
        return getByte(buffer, buffer.byteArray(), buffer.addressOffset(), index);
    }

    /** The eight bytes from {@code index}, which must be within the buffer, little-endian. */
    public static long getLongLittleEndian(DirectBuffer buffer, int index) {
        assert index >= 0 && index <= buffer.capacity() - Long.BYTES : outOfBounds(buffer, index, Long.BYTES);
        final long word = UnsafeApi.getLong(buffer.byteArray(), buffer.addressOffset() + index);
        return SWAP_TO_LITTLE_ENDIAN ? Long.reverseBytes(word) : word;
    }

    /** The four bytes from {@code index}, which must be within the buffer, little-endian. */
    public static int getIntLittleEndian(DirectBuffer buffer, int index) {
        return getIntLittleEndian(buffer, buffer.byteArray(), buffer.addressOffset(), index);
    }

    /**
     * {@link #getByte(DirectBuffer, int)} for a loop that reads the buffer's {@code byteArray()}
     * and {@code addressOffset()} once before it starts: the JIT cannot keep them in registers
     * across the calls such a loop makes, and reloading them per byte cost a tenth of the needle
     * search. {@code array} and {@code address} must be those of {@code buffer}, which serves the
     * assert only.
     */
    public static byte getByte(DirectBuffer buffer, byte[] array, long address, int index) {
        assert index >= 0 && index < buffer.capacity() : outOfBounds(buffer, index, 1);
        return UnsafeApi.getByte(array, address + index);
    }

    /** {@link #getLongLittleEndian(DirectBuffer, int)} with the buffer's array and address read beforehand, as above. */
    public static long getLongLittleEndian(DirectBuffer buffer, byte[] array, long address, int index) {
        assert index >= 0 && index <= buffer.capacity() - Long.BYTES : outOfBounds(buffer, index, Long.BYTES);
        final long word = UnsafeApi.getLong(array, address + index);
        return SWAP_TO_LITTLE_ENDIAN ? Long.reverseBytes(word) : word;
    }

    /** {@link #getIntLittleEndian(DirectBuffer, int)} with the buffer's array and address read beforehand, as above. */
    public static int getIntLittleEndian(DirectBuffer buffer, byte[] array, long address, int index) {
        assert index >= 0 && index <= buffer.capacity() - Integer.BYTES : outOfBounds(buffer, index, Integer.BYTES);
        final int word = UnsafeApi.getInt(array, address + index);
        return SWAP_TO_LITTLE_ENDIAN ? Integer.reverseBytes(word) : word;
    }

    /**
     * Copies {@code length} bytes from {@code index} of {@code buffer} into {@code target} at
     * {@code at}, checking each range once, a word at a time: for the short values of a log this
     * beats a bulk copy, which runs its own checks and set-up on every call (it was 3% of a hunt
     * when routing copied its keys and the pre-filter its values that way). Long runs still go in bulk.
     *
     * @throws IndexOutOfBoundsException when either range falls outside its array or buffer
     */
    public static void copy(DirectBuffer buffer, int index, byte[] target, int at, int length) {
        checkRange(buffer, index, index + length);
        Objects.checkFromIndexSize(at, length, target.length);
        if (length > BULK_COPY_FROM) {
            buffer.getBytes(index, target, at, length);
            return;
        }
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            ByteWords.putWord(target, at + i, getLongLittleEndian(buffer, index + i));
        }
        for (; i < length; i++) {
            target[at + i] = getByte(buffer, index + i);
        }
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
