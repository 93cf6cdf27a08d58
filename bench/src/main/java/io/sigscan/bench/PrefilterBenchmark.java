package io.sigscan.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.sigscan.rules.load.RuleLoader;
import io.sigscan.rules.match.NeedleSearch;
import io.sigscan.rules.model.SigmaRule;
import io.sigscan.rules.prefilter.Needle;
import io.sigscan.rules.prefilter.Witnesses;

/**
 * The literal pre-filter's inner loop: one {@link NeedleSearch} over the witness needles every
 * rule of a directory (e.g. SigmaHQ's {@code rules/windows/process_creation}) has on one field,
 * run over that field's values in generated telemetry, against a loop that folds the case of
 * every byte of the same values (what any search must at least do). Scores are values per
 * second; setup prints the needle count and the mean value length, to turn them into bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class PrefilterBenchmark {
    static final int VALUES = 4096;

    @Param({"CommandLine", "Image"})
    public String field;

    /** Rule directory; empty: the {@value RuleSets#RULES_PROPERTY} system property. */
    @Param({""})
    public String rules;

    private NeedleSearch search;
    private SampleValues values;
    private UnsafeBuffer valueBuffer;
    private final CountingSink sink = new CountingSink();

    /** Counts what the search tells, as the pre-filter's scratch marks it. */
    static final class CountingSink implements NeedleSearch.NeedleSink {
        int told;

        @Override
        public boolean onNeedle(int needle) {
            told++;
            return false;
        }
    }

    @Setup
    public void prepare() throws IOException {
        Path directory = RuleSets.ruleDirectory(rules);
        Set<String> needles = new LinkedHashSet<>();
        for (SigmaRule rule : RuleLoader.defaults().load(List.of(directory)).rules()) {
            List<Needle> witness = Witnesses.of(rule.detection());
            if (witness != null) {
                witness.stream().filter(needle -> needle.field().equals(field)).forEach(needle -> needles.add(needle.text()));
            }
        }
        if (needles.isEmpty()) {
            throw new IllegalStateException("no rule under " + directory + " has a witness on " + field);
        }
        List<String> texts = new ArrayList<>(needles);
        search = NeedleSearch.build(texts, java.util.stream.IntStream.range(0, texts.size()).toArray());
        values = SampleValues.collect(VALUES, field);
        // Off the heap, as the mapped input the pre-filter searches in place.
        valueBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(values.bytes.length).put(values.bytes));
        System.out.printf("%n%d needles on %s; %d values, %.1f bytes each%n", texts.size(), field, VALUES,
                (double) values.byteCount() / VALUES);
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public int search() {
        final NeedleSearch s = search;
        final UnsafeBuffer buffer = valueBuffer;
        sink.told = 0;
        for (int i = 0; i < VALUES; i++) {
            // The pre-filter searches each value where it lies.
            s.scan(buffer, values.offsets[i], values.lengths[i], sink);
        }
        return sink.told;
    }

    /** Baseline: fold the case of every byte of each value. */
    @Benchmark
    @OperationsPerInvocation(VALUES)
    public int foldEveryByte() {
        final byte[] bytes = values.bytes;
        int sum = 0;
        for (int i = 0; i < VALUES; i++) {
            for (int k = values.offsets[i], end = k + values.lengths[i]; k < end; k++) {
                sum += bytes[k] | 0x20;
            }
        }
        return sum;
    }
}
