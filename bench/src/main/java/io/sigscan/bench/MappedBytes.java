package io.sigscan.bench;

import org.agrona.DirectBuffer;

/** The baseline of the decoding benchmarks: a pass over the same mapped bytes that does nothing but read them. */
final class MappedBytes {
    private MappedBytes() {
    }

    /** The sum of every byte of {@code buffer}. */
    static long sum(DirectBuffer buffer) {
        long sum = 0;
        for (int i = 0, end = buffer.capacity(); i < end; i++) {
            sum += buffer.getByte(i);
        }
        return sum;
    }
}
