package io.sigscan.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.json.JsonFormat;
import io.sigscan.engine.record.RecordReader;
import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;

/**
 * The first values of some fields in the generated sample, decoded, laid end to end in one
 * array: what value-level benchmarks (matchers, needle searches) run over.
 */
final class SampleValues {
    final byte[] bytes;
    final int[] offsets;
    final int[] lengths;

    private SampleValues(byte[] bytes, int[] offsets, int[] lengths) {
        this.bytes = bytes;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    /** {@code count} values of {@code fields}, in event order and, within an event, in field order. */
    static SampleValues collect(int count, String... fields) throws IOException {
        FieldTable.Builder builder = FieldTable.builder();
        for (String field : fields) {
            builder.add(field);
        }
        FieldTable table = builder.build();
        List<byte[]> collected = new ArrayList<>();
        // Generously more events than values: not every event has every field.
        try (GeneratedLog log = GeneratedLog.create(count * 8L)) {
            RecordReader reader = JsonFormat.LINES.newReader(table, ScanOptions.DEFAULT_MAX_RECORD_BYTES);
            reader.read(log.buffer(), 0, log.buffer().capacity(), (offset, line, kind, message) -> {
                throw new IllegalStateException(message);
            }, record -> {
                EventView view = record.view();
                for (int slot = 1; slot < table.size() && collected.size() < count; slot++) {
                    for (int i = 0; i < view.valueCount(slot) && collected.size() < count; i++) {
                        byte[] bytes = new byte[view.valueLength(slot, i)];
                        view.valueBuffer(slot, i).getBytes(view.valueOffset(slot, i), bytes);
                        collected.add(bytes);
                    }
                }
            });
        }
        if (collected.size() < count) {
            throw new IllegalStateException("the sample has only " + collected.size() + " values of " + List.of(fields));
        }
        int total = 0;
        for (byte[] value : collected) {
            total += value.length;
        }
        byte[] all = new byte[total];
        int[] offsets = new int[count];
        int[] lengths = new int[count];
        int at = 0;
        for (int i = 0; i < count; i++) {
            byte[] value = collected.get(i);
            System.arraycopy(value, 0, all, at, value.length);
            offsets[i] = at;
            lengths[i] = value.length;
            at += value.length;
        }
        return new SampleValues(all, offsets, lengths);
    }

    int count() {
        return offsets.length;
    }

    /** The total length of the values. */
    long byteCount() {
        return bytes.length;
    }

    /** The values as a buffer, for matchers. */
    UnsafeBuffer buffer() {
        return new UnsafeBuffer(bytes);
    }
}
