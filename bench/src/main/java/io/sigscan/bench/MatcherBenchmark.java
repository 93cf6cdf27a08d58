package io.sigscan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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

import io.sigscan.rules.ir.ValueTest;
import io.sigscan.rules.match.ValueMatcher;

/**
 * Sigma value matchers ({@code contains}, {@code startswith}, {@code endswith}, {@code re}) on the
 * paths, command lines and registry keys of generated telemetry, against a plain case-sensitive
 * {@link String#indexOf} of the same needle over the same values already decoded to strings.
 * Scores are values per second. {@code regex} has a literal guard in front ({@code -e}), so few
 * values reach the regex engine; {@code hexRegex} (SigmaHQ's SNAKE installer rule,
 * {@code \s[a-fA-F0-9]{64}\s[a-fA-F0-9]{16}}) has none and runs on every value. To measure
 * RE2J's automaton without the lazy DFA, add {@code -jvmArgsAppend "-Xmx1g
 * --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -Dsigscan.regexDfa=false"} (the option
 * replaces the suite's own JVM arguments): 3.09 against 9.24 million values per second for
 * {@code regex}, 0.73 against 6.88 million for {@code hexRegex}, on the 2-core machine of the README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class MatcherBenchmark {
    static final int VALUES = 4096;
    private static final String[] VALUE_FIELDS = {"Image", "CommandLine", "ParentCommandLine", "TargetObject",
        "TargetFilename", "ImageLoaded", "ScriptBlockText"};

    @Param({"contains", "startswith", "endswith", "regex", "hexRegex"})
    public String modifier;

    private ValueMatcher matcher;
    private String needle;
    private final UnsafeBuffer values = new UnsafeBuffer(new byte[0]);
    private final int[] offsets = new int[VALUES];
    private final int[] lengths = new int[VALUES];
    private final String[] strings = new String[VALUES];

    @Setup
    public void prepare() throws IOException {
        needle = switch (modifier) {
            case "contains" -> "\\appdata\\local\\temp\\";
            case "startswith" -> "c:\\windows\\system32\\";
            case "endswith" -> "\\powershell.exe";
            case "regex" -> " -enc";
            case "hexRegex" -> " 0000";
            default -> throw new IllegalArgumentException("modifier " + modifier);
        };
        matcher = ValueMatcher.forTest(test(modifier, needle));
        collectValues();
    }

    private static ValueTest test(String modifier, String needle) {
        ValueTest.Literal literal = new ValueTest.Literal(needle);
        return switch (modifier) {
            case "contains" -> new ValueTest.Pattern(List.of(ValueTest.ANY_STRING, literal, ValueTest.ANY_STRING), false);
            case "startswith" -> new ValueTest.Pattern(List.of(literal, ValueTest.ANY_STRING), false);
            case "endswith" -> new ValueTest.Pattern(List.of(ValueTest.ANY_STRING, literal), false);
            case "regex" -> new ValueTest.Regex("\\s-e(nc|ncodedcommand)?\\s+[A-Za-z0-9+/=]{16,}", true, false, false);
            case "hexRegex" -> new ValueTest.Regex("\\s[a-fA-F0-9]{64}\\s[a-fA-F0-9]{16}", false, false, false);
            default -> throw new IllegalArgumentException("modifier " + modifier);
        };
    }

    /** The first {@link #VALUES} values of the typical string fields in a generated sample, in event order. */
    private void collectValues() throws IOException {
        SampleValues sample = SampleValues.collect(VALUES, VALUE_FIELDS);
        values.wrap(sample.bytes);
        System.arraycopy(sample.offsets, 0, offsets, 0, VALUES);
        System.arraycopy(sample.lengths, 0, lengths, 0, VALUES);
        for (int i = 0; i < VALUES; i++) {
            strings[i] = new String(sample.bytes, offsets[i], lengths[i], StandardCharsets.UTF_8);
        }
        needle = needle.toLowerCase(Locale.ROOT);
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public int matcher() {
        final ValueMatcher m = matcher;
        int hits = 0;
        for (int i = 0; i < VALUES; i++) {
            if (m.matches(values, offsets[i], lengths[i])) {
                hits++;
            }
        }
        return hits;
    }

    /** Baseline: what a hand-written check would do, case-sensitive, on strings. */
    @Benchmark
    @OperationsPerInvocation(VALUES)
    public int indexOf() {
        final String n = needle;
        int hits = 0;
        for (int i = 0; i < VALUES; i++) {
            if (strings[i].indexOf(n) >= 0) {
                hits++;
            }
        }
        return hits;
    }
}
