package io.sigscan.bench;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.sigscan.engine.ScanProblemHandler;
import io.sigscan.engine.evtx.EvtxChunkReader;
import io.sigscan.engine.evtx.EvtxEventView;
import io.sigscan.engine.evtx.EvtxFile;
import io.sigscan.engine.evtx.EvtxRecordHandler;
import io.sigscan.rules.event.FieldTable;

/**
 * EVTX record decoding (Binary XML, templates, flattening, projection of the {@link TypicalFields},
 * each projected value touched) of every chunk of every sample file, memory-mapped, against a pass
 * that only sums the same mapped bytes. One operation is one pass over all samples; the {@code records} and
 * {@code megabytes} counters give records/s and MB/s.
 *
 * <pre>java -jar bench/target/benchmarks.jar EvtxParseBenchmark -p samples=../shared/evtx-samples</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class EvtxParseBenchmark {
    static final String SAMPLES_PROPERTY = "sigscan.evtxSamples";

    /** A folder of .evtx files (searched recursively); empty: the {@code sigscan.evtxSamples} system property. */
    @Param("")
    public String samples;

    private final List<MappedByteBuffer> mapped = new ArrayList<>();
    private final List<UnsafeBuffer> files = new ArrayList<>();
    private long totalBytes;
    private EvtxChunkReader reader;
    private final ValueToucher toucher = new ValueToucher();
    private final ScanProblemHandler ignoreProblems = problem -> { };

    /** Records and MB decoded, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Decoded {
        public long records;
        public double megabytes;
    }

    @Setup
    public void load() throws IOException {
        String folder = samples.isEmpty() ? System.getProperty(SAMPLES_PROPERTY, "") : samples;
        if (folder.isEmpty() || !Files.isDirectory(Path.of(folder))) {
            throw new IllegalStateException("skipped: no EVTX samples at '" + folder + "'; pass -p samples=DIR or -D"
                    + SAMPLES_PROPERTY + "=DIR");
        }
        try (Stream<Path> paths = Files.walk(Path.of(folder))) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".evtx")).sorted().toList()) {
                try (FileChannel channel = FileChannel.open(path)) {
                    MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
                    mapped.add(map);
                    UnsafeBuffer buffer = new UnsafeBuffer(map);
                    if (EvtxFile.looksLikeEvtx(buffer)) {
                        files.add(buffer);
                        totalBytes += buffer.capacity();
                    }
                }
            }
        }
        FieldTable fields = TypicalFields.table();
        reader = new EvtxChunkReader(fields);
        toucher.slots = fields.size();
    }

    @TearDown
    public void unmap() {
        for (MappedByteBuffer map : mapped) {
            IoUtil.unmap(map);
        }
    }

    @Benchmark
    public long decode(Decoded decoded) {
        long records = 0;
        for (UnsafeBuffer file : files) {
            int chunks = EvtxFile.chunkCount(file.capacity());
            for (int i = 0; i < chunks; i++) {
                int offset = (int) EvtxFile.chunkOffset(i);
                records += reader.readChunk("sample", file, offset, file.capacity() - offset, 0, toucher, ignoreProblems);
            }
        }
        decoded.records += records;
        decoded.megabytes += totalBytes / 1e6;
        return toucher.sum;
    }

    /** Baseline: every byte of the same files read once, nothing decoded. */
    @Benchmark
    public long byteSum(Decoded decoded) {
        long sum = 0;
        for (UnsafeBuffer file : files) {
            sum += MappedBytes.sum(file);
        }
        decoded.megabytes += totalBytes / 1e6;
        return sum;
    }

    /** Reads every projected value, so that lazy UTF-16 decoding is not skipped. */
    private static final class ValueToucher implements EvtxRecordHandler {
        int slots;
        long sum;

        @Override
        public void onRecord(EvtxEventView record) {
            sum += ProjectedValues.touch(record, slots);
        }
    }
}
