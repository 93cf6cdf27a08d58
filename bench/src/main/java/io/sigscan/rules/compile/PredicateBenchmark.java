package io.sigscan.rules.compile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.event.ValueKind;
import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;
import io.sigscan.rules.optimize.Optimizer;

/**
 * One rule — the npm supply-chain rule: {@code ParentImage|endswith: '\node.exe'} and
 * {@code Image|endswith: ['\powershell.exe', '\cmd.exe']} — evaluated three ways over the same
 * events: the compiled method-handle predicate in its hidden class, the reference interpreter
 * over the same IR, and a hand-written Java predicate doing the same case-insensitive suffix
 * tests. Lives in the rules' package to reach the interpreter.
 *
 * <pre>java -jar bench/target/benchmarks.jar PredicateBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class PredicateBenchmark {
    private static final String[][] EVENTS = {
        {"C:\\Program Files\\nodejs\\node.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"},
        {"C:\\Windows\\explorer.exe", "C:\\Windows\\System32\\cmd.exe"},
        {"C:\\Program Files\\nodejs\\node.exe", "C:\\Program Files\\Git\\bin\\git.exe"},
        {"C:\\Windows\\System32\\services.exe", "C:\\Windows\\System32\\svchost.exe"},
    };

    private EventPredicate compiled;
    private EventPredicate interpreted;
    private EventPredicate handWritten;
    private FixedEvent[] events;

    @Setup
    public void setUp() {
        Expr detection = Optimizer.standard().optimize(new Expr.And(List.of(
                new Expr.Match("ParentImage", endsWith("\\node.exe")),
                new Expr.Or(List.of(new Expr.Match("Image", endsWith("\\powershell.exe")),
                        new Expr.Match("Image", endsWith("\\cmd.exe")))))));
        FieldTable.Builder builder = FieldTable.builder();
        int parentSlot = builder.add("ParentImage");
        int imageSlot = builder.add("Image");
        FieldTable fields = builder.build();
        compiled = PredicateCompiler.compile(detection, fields);
        interpreted = new Interpreter(detection, fields);
        handWritten = new HandWritten(parentSlot, imageSlot);
        events = new FixedEvent[EVENTS.length];
        for (int i = 0; i < EVENTS.length; i++) {
            events[i] = new FixedEvent(fields.size(), parentSlot, EVENTS[i][0], imageSlot, EVENTS[i][1]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public int compiledMethodHandles() {
        return run(compiled);
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public int interpreter() {
        return run(interpreted);
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public int handWrittenJava() {
        return run(handWritten);
    }

    private int run(EventPredicate predicate) {
        int hits = 0;
        for (FixedEvent event : events) {
            hits += predicate.test(event) ? 1 : 0;
        }
        return hits;
    }

    private static ValueTest.Pattern endsWith(String suffix) {
        return new ValueTest.Pattern(List.of(ValueTest.ANY_STRING, new ValueTest.Literal(suffix)), false);
    }

    /** What a developer would write for this one rule: ASCII case-insensitive suffix tests. */
    static final class HandWritten implements EventPredicate {
        private static final byte[] NODE = "\\node.exe".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] POWERSHELL = "\\powershell.exe".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] CMD = "\\cmd.exe".getBytes(StandardCharsets.US_ASCII);
        private final int parent;
        private final int image;

        HandWritten(int parent, int image) {
            this.parent = parent;
            this.image = image;
        }

        @Override
        public boolean test(EventView event) {
            return endsWith(event, parent, NODE) && (endsWith(event, image, POWERSHELL) || endsWith(event, image, CMD));
        }

        private static boolean endsWith(EventView event, int slot, byte[] suffix) {
            if (event.valueCount(slot) != 1) {
                return false;
            }
            DirectBuffer buffer = event.valueBuffer(slot, 0);
            int length = event.valueLength(slot, 0);
            int start = event.valueOffset(slot, 0) + length - suffix.length;
            if (length < suffix.length) {
                return false;
            }
            for (int i = 0; i < suffix.length; i++) {
                int b = buffer.getByte(start + i);
                if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != suffix[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Two string fields in one buffer, the way a reader's view exposes them. */
    static final class FixedEvent implements EventView {
        private final UnsafeBuffer buffer;
        private final int[] offsets;
        private final int[] lengths;

        FixedEvent(int slots, int firstSlot, String first, int secondSlot, String second) {
            byte[] a = first.getBytes(StandardCharsets.UTF_8);
            byte[] b = second.getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[a.length + b.length];
            System.arraycopy(a, 0, bytes, 0, a.length);
            System.arraycopy(b, 0, bytes, a.length, b.length);
            buffer = new UnsafeBuffer(bytes);
            offsets = new int[slots];
            lengths = new int[slots];
            java.util.Arrays.fill(lengths, -1);
            offsets[firstSlot] = 0;
            lengths[firstSlot] = a.length;
            offsets[secondSlot] = a.length;
            lengths[secondSlot] = b.length;
        }

        @Override
        public int valueCount(int slot) {
            return lengths[slot] < 0 ? 0 : 1;
        }

        @Override
        public int valueKind(int slot, int index) {
            return ValueKind.STRING;
        }

        @Override
        public DirectBuffer valueBuffer(int slot, int index) {
            return buffer;
        }

        @Override
        public int valueOffset(int slot, int index) {
            return offsets[slot];
        }

        @Override
        public int valueLength(int slot, int index) {
            return lengths[slot];
        }
    }
}
