package io.sigscan.bench;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.EventView;

/** What the projection benchmarks do with an event: read every projected value, so lazy decoding is not skipped. */
final class ProjectedValues {

    private ProjectedValues() {
    }

    /** The sum of the first and last byte of every value of slots 1 to {@code slots - 1}. */
    static long touch(EventView view, int slots) {
        long sum = 0;
        for (int slot = 1; slot < slots; slot++) {
            int count = view.valueCount(slot);
            for (int i = 0; i < count; i++) {
                int length = view.valueLength(slot, i);
                if (length > 0) {
                    DirectBuffer value = view.valueBuffer(slot, i);
                    int offset = view.valueOffset(slot, i);
                    sum += value.getByte(offset) + value.getByte(offset + length - 1);
                }
            }
        }
        return sum;
    }
}
