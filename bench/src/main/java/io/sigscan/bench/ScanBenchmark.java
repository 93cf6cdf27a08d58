package io.sigscan.bench;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.sigscan.engine.MatchHandler;
import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.ScanProblemHandler;
import io.sigscan.engine.ScanSummary;
import io.sigscan.engine.Scanner;

/**
 * End-to-end scans of one generated file through {@link Scanner}: no rule (the baseline: mapping,
 * chunking, JSON reading), the bundled rules, and every rule of a directory, on 1 and 2 threads.
 * The score is events per second ({@link #EVENTS} per scan); the {@code megabytes} counter gives
 * MB/s. With {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated per event, which the
 * hot path keeps near zero (what remains is per scan and per chunk, spread over the events).
 * A matched event allocates its rendering; {@code -p events=unmatched} scans only events no rule
 * of the set matches (found by a first scan of a longer sample), so that what is left is what the
 * scan loop itself allocates with those rules loaded.
 *
 * <pre>java -jar bench/target/benchmarks.jar ScanBenchmark -p rules=../shared/sigma/rules/windows -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class ScanBenchmark {
    /** Events in the scanned file: about 135 MB. */
    static final int EVENTS = 150_000;

    @Param({"none", "bundled", "directory"})
    public String ruleSet;

    /** The rule directory of {@code ruleSet=directory}; empty: the {@code sigscan.rules} system property. */
    @Param("")
    public String rules;

    @Param({"1", "2"})
    public int threads;

    /** {@code all}: the generated sample as it is; {@code unmatched}: only events no rule matches. */
    @Param("all")
    public String events;

    private GeneratedLog log;
    private Scanner scanner;
    private final MatchHandler ignoreMatches = match -> { };
    private final ScanProblemHandler failOnProblems = problem -> {
        throw new IllegalStateException("generated input should read cleanly: " + problem);
    };

    /** MB and events scanned, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Scanned {
        public double megabytes;
        public long matches;
    }

    @Setup(Level.Trial)
    public void generate() throws IOException {
        scanner = new Scanner(RuleSets.compile(ruleSet, rules), ScanOptions.defaults().withThreads(threads));
        log = switch (events) {
            case "all" -> GeneratedLog.create(EVENTS);
            case "unmatched" -> unmatchedEvents();
            default -> throw new IllegalArgumentException("events must be all or unmatched, not " + events);
        };
    }

    /** {@link #EVENTS} events of a longer sample that no rule matches (about 2% of events match all Windows rules). */
    private GeneratedLog unmatchedEvents() throws IOException {
        try (GeneratedLog sample = GeneratedLog.create(EVENTS + EVENTS / 4)) {
            Set<Long> matched = new HashSet<>();
            scanner.scan(List.of(sample.file()), match -> matched.add(match.offset()), failOnProblems);
            return sample.keepLines(EVENTS, offset -> !matched.contains(offset));
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        log.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long scan(Scanned scanned) {
        ScanSummary summary = scanner.scan(List.of(log.file()), ignoreMatches, failOnProblems);
        scanned.megabytes += summary.bytes() / 1e6;
        scanned.matches += summary.matches();
        return summary.events();
    }
}
