package io.sigscan.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.json.JsonFormat;
import io.sigscan.engine.record.RecordConsumer;
import io.sigscan.engine.record.RecordProblemSink;
import io.sigscan.engine.record.RecordReader;
import io.sigscan.rules.event.FieldTable;

/**
 * JSON-lines reading with projection of the {@link TypicalFields} (every record parsed, referenced
 * values located, each projected value's bytes touched as a rule would) against a pass that only
 * sums the same mapped bytes: how far reading is from memory bandwidth. Scores are events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class JsonProjectionBenchmark {
    /** Events in the file: about 18 MB, beyond the caches. */
    static final int EVENTS = 20_000;

    private GeneratedLog log;
    private RecordReader reader;
    private FieldTable fields;
    private final ValueToucher toucher = new ValueToucher();
    private final RecordProblemSink failOnProblems = (offset, lineIndex, kind, message) -> {
        throw new IllegalStateException(kind + " at " + offset + ": " + message);
    };

    @Setup(Level.Trial)
    public void generate() throws IOException {
        log = GeneratedLog.create(EVENTS);
        fields = TypicalFields.table();
        reader = JsonFormat.LINES.newReader(fields, ScanOptions.DEFAULT_MAX_RECORD_BYTES);
        toucher.slots = fields.size();
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        log.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long project() {
        toucher.sum = 0;
        UnsafeBuffer buffer = log.buffer();
        reader.read(buffer, 0, buffer.capacity(), failOnProblems, toucher);
        return toucher.sum;
    }

    /** Baseline: every byte of the same file read once, nothing parsed. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long byteSum() {
        return MappedBytes.sum(log.buffer());
    }

    /** Reads the first and last byte of every projected value, so that lazy decoding is not skipped. */
    private static final class ValueToucher implements RecordConsumer {
        int slots;
        long sum;

        @Override
        public void onRecord(RecordReader record) {
            sum += ProjectedValues.touch(record.view(), slots);
        }
    }
}
