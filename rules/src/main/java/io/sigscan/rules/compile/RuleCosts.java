package io.sigscan.rules.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * Where evaluation time goes, per rule, for {@code sigscan profile}: how many events each rule
 * was evaluated on after pre-filtering and routing, how many it matched, and the nanoseconds its
 * predicates took; plus the time spent choosing candidates (pre-filter and log-source
 * conditions) and recording matches. Filled by the evaluators of a {@link CompiledRuleSet#profiled profiled} set,
 * each into its own arrays, and summed when read, after the scan.
 *
 * <p>Each timed call also pays for reading the clock; {@link #clockNanos()} is that cost,
 * measured once, and is subtracted from every timed call.
 */
public final class RuleCosts {
    private final int rules;
    private final long clockNanos = measureClock();
    private final List<Recorder> recorders = new ArrayList<>();

    public RuleCosts(int rules) {
        this.rules = rules;
    }

    synchronized Recorder newRecorder() {
        Recorder recorder = new Recorder(rules, clockNanos);
        recorders.add(recorder);
        return recorder;
    }

    /** Events the rule was evaluated on (a rule with several matching-condition variants counts each). */
    public synchronized long evaluations(int rule) {
        long total = 0;
        for (Recorder recorder : recorders) {
            total += recorder.evaluations[rule];
        }
        return total;
    }

    public synchronized long hits(int rule) {
        long total = 0;
        for (Recorder recorder : recorders) {
            total += recorder.hits[rule];
        }
        return total;
    }

    /** Nanoseconds spent in the rule's predicates, clock cost removed. */
    public synchronized long nanos(int rule) {
        long total = 0;
        for (Recorder recorder : recorders) {
            total += recorder.nanos[rule];
        }
        return total;
    }

    /** Nanoseconds spent choosing each event's candidates: pre-filter and log-source conditions. */
    public synchronized long candidateNanos() {
        long total = 0;
        for (Recorder recorder : recorders) {
            total += recorder.candidateNanos;
        }
        return total;
    }

    /** Nanoseconds spent recording the matches of matching events (rendering each event once). */
    public synchronized long matchNanos() {
        long total = 0;
        for (Recorder recorder : recorders) {
            total += recorder.matchNanos;
        }
        return total;
    }

    /** Events evaluated. */
    public synchronized long events() {
        long total = 0;
        for (Recorder recorder : recorders) {
            total += recorder.events;
        }
        return total;
    }

    /** What one reading of {@link System#nanoTime()} costs here, in nanoseconds. */
    public long clockNanos() {
        return clockNanos;
    }

    private static long measureClock() {
        final int reads = 200_000;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            long sink = 0;
            for (int i = 0; i < reads; i++) {
                sink += System.nanoTime();
            }
            long elapsed = System.nanoTime() - start;
            if (sink != 0) {
                best = Math.min(best, elapsed / reads);
            }
        }
        return best;
    }

    /** One evaluator's share; single-threaded. */
    static final class Recorder {
        final long[] evaluations;
        final long[] hits;
        final long[] nanos;
        final long clockNanos;
        long candidateNanos;
        long matchNanos;
        long events;

        Recorder(int rules, long clockNanos) {
            this.evaluations = new long[rules];
            this.hits = new long[rules];
            this.nanos = new long[rules];
            this.clockNanos = clockNanos;
        }

        void candidates(long elapsed) {
            events++;
            candidateNanos += Math.max(0, elapsed - clockNanos);
        }

        void matchesRecorded(long elapsed) {
            matchNanos += Math.max(0, elapsed - clockNanos);
        }

        void evaluation(int rule, long elapsed, boolean hit) {
            evaluations[rule]++;
            nanos[rule] += Math.max(0, elapsed - clockNanos);
            if (hit) {
                hits[rule]++;
            }
        }
    }
}
