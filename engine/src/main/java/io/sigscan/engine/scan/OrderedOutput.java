package io.sigscan.engine.scan;

import java.nio.MappedByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.ForkJoinPool;

import org.agrona.DirectBuffer;
import org.agrona.IoUtil;

import io.sigscan.engine.Match;
import io.sigscan.engine.MatchHandler;
import io.sigscan.engine.ScanInput;
import io.sigscan.engine.ScanListener;
import io.sigscan.engine.ScanProblem;
import io.sigscan.engine.ScanProblemHandler;
import io.sigscan.engine.ScanSummary;
import io.sigscan.engine.record.RecordFormat;
import io.sigscan.rules.compile.CompiledRuleSet;

/**
 * One scan's pool and its ordered output. The scanning thread appends steps in input order
 * (chunks are submitted to the pool as they are appended); steps are emitted from the head of the
 * queue as soon as they are complete, waiting for a chunk only when {@code maxChunksInFlight}
 * chunks are outstanding. Line numbers become absolute here: each chunk's base is the line
 * breaks of the chunks before it in the same input.
 */
final class OrderedOutput implements AutoCloseable {
    private final ForkJoinPool pool;
    private final ThreadLocal<Worker> workers;
    private final RenderedEventsPool renderedEvents;
    private final int chunkBytes;
    private final int maxChunksInFlight;
    private final MatchHandler matches;
    private final ScanProblemHandler problems;
    private final ScanListener listener;
    private final ArrayDeque<Step> queue = new ArrayDeque<>();
    private int chunksInFlight;

    // Emission state: the input being emitted.
    private String input;
    private boolean hasLines;
    private long lineBase;

    private long files;
    private long bytes;
    private long events;
    private long matchCount;
    private long errors;
    private final long[] matchesPerRule;

    OrderedOutput(CompiledRuleSet rules, int threads, int chunkBytes, int maxRecordBytes,
                  RenderedEventsPool renderedEvents, MatchHandler matches, ScanProblemHandler problems,
                  ScanListener listener) {
        this.pool = new ForkJoinPool(threads, ForkJoinPool.defaultForkJoinWorkerThreadFactory, ChunkTask::failRunningChunk,
                false);
        this.maxChunksInFlight = maxChunksInFlight(threads);
        this.renderedEvents = renderedEvents;
        this.workers = ThreadLocal.withInitial(() -> new Worker(rules, maxRecordBytes, renderedEvents));
        this.chunkBytes = chunkBytes;
        this.matches = matches;
        this.problems = problems;
        this.listener = listener;
        this.matchesPerRule = new long[rules.rules().size()];
    }

    /** Chunks scanned or waiting to be emitted at most, with {@code threads} workers. */
    static int maxChunksInFlight(int threads) {
        return 2 * threads;
    }

    /** Counts an input that could be opened. */
    void inputOpened() {
        files++;
    }

    /** Counts bytes read; a record left for a later scan is not counted. */
    void bytesRead(long count) {
        bytes += count;
    }

    /** A problem concerning a whole input, reported in its place in the order. */
    void problem(ScanProblem problem) {
        append(new ProblemStep(problem));
    }

    /**
     * Starts an input: the chunks appended next belong to it; {@code lineBreaks} precede its first
     * chunk.
     */
    void startInput(String name, RecordFormat format, long lineBreaks) {
        append(new InputStep(name, format.hasLines(), lineBreaks));
    }

    /** Ends an input whose reading stopped at {@code end}: the listener hears of it in its place. */
    void endInput(ScanInput input, long end) {
        append(new InputEndStep(input, end));
    }

    /** Cuts {@code [start, end)} of {@code buffer} into chunks at record starts and submits them. */
    void chunks(RecordFormat format, DirectBuffer buffer, int start, int end, long base) {
        int position = start;
        while (position < end) {
            int next = end;
            if ((long) position + chunkBytes < end) {
                int cut = format.nextRecordStart(buffer, base, position + chunkBytes, end);
                if (cut > position) {
                    next = cut;
                }
            }
            ChunkTask task = new ChunkTask(workers, format, buffer, position, next, base);
            pool.execute(task);
            append(task);
            position = next;
        }
    }

    /** A record skipped without being mapped whole: reported at its place, its line breaks counted. */
    void skipped(long offset, long lineBreaks, String kind, String message) {
        append(new SkipStep(offset, lineBreaks, kind, message));
    }

    /** Unmaps a window once every chunk before this point has been emitted. */
    void release(MappedByteBuffer window) {
        append(new ReleaseStep(window));
    }

    /** Emits everything still queued and returns the totals. */
    ScanSummary finish(long startedNanos) {
        while (!queue.isEmpty()) {
            emitHead();
        }
        return new ScanSummary(files, bytes, events, matchCount, errors, matchesPerRule.clone(),
                System.nanoTime() - startedNanos);
    }

    /**
     * Stops the pool. When the scan ended early (a sink threw), chunks not started are cancelled
     * and running ones awaited before any window is unmapped under them.
     */
    @Override
    public void close() {
        for (Step step : queue) {
            if (step instanceof ChunkTask task) {
                task.abandon();
            }
        }
        for (Step step : queue) {
            if (step instanceof ChunkTask task) {
                task.quietlyJoin();
            }
        }
        for (Step step : queue) {
            if (!(step instanceof ChunkTask)) {
                step.abandon();
            }
        }
        queue.clear();
        pool.shutdown();
    }

    private void append(Step step) {
        queue.addLast(step);
        if (step instanceof ChunkTask) {
            chunksInFlight++;
            while (chunksInFlight > maxChunksInFlight) {
                emitHead();
            }
        }
        // Stream whatever is already complete at the head, so output is not held back needlessly.
        Step head;
        while ((head = queue.peekFirst()) != null && (!(head instanceof ChunkTask task) || task.isDone())) {
            emitHead();
        }
    }

    private void emitHead() {
        Step step = queue.peekFirst();
        step.emit(this);
        queue.pollFirst();
        if (step instanceof ChunkTask) {
            chunksInFlight--;
        }
    }

    // ---- emission, on the scanning thread ----------------------------------------------------

    void emitChunk(ChunkResult result) {
        for (ChunkOutput output : result.outputs) {
            if (output instanceof ChunkOutput.FoundMatch found) {
                int ruleIndex = found.rule().index();
                matchesPerRule[ruleIndex]++;
                matchCount++;
                matches.onMatch(Match.lent(found.rule().info(), ruleIndex, input, found.offset(),
                        line(found.lineIndex()), found.recordId(), result.rendered, found.eventStart(),
                        found.eventLength()));
            } else if (output instanceof ChunkOutput.FoundProblem found) {
                emitProblem(new ScanProblem(input, found.offset(), line(found.lineIndex()), found.kind(),
                        found.message()));
            }
        }
        if (result.rendered != null) {
            renderedEvents.giveBack(result.rendered);
        }
        events += result.events;
        lineBase += result.lineBreaks;
        listener.onProgress(result.bytes, result.events);
    }

    private long line(long lineIndex) {
        return hasLines ? lineBase + lineIndex + 1 : 0;
    }

    void emitProblem(ScanProblem problem) {
        errors++;
        problems.onProblem(problem);
    }

    private record ProblemStep(ScanProblem problem) implements Step {
        @Override
        public void emit(OrderedOutput output) {
            output.emitProblem(problem);
        }
    }

    private record InputStep(String name, boolean hasLines, long lineBreaks) implements Step {
        @Override
        public void emit(OrderedOutput output) {
            output.input = name;
            output.hasLines = hasLines;
            output.lineBase = lineBreaks;
        }
    }

    private record InputEndStep(ScanInput input, long end) implements Step {
        @Override
        public void emit(OrderedOutput output) {
            output.listener.onInputEnd(input, end, output.hasLines ? output.lineBase : 0);
        }
    }

    private record SkipStep(long offset, long lineBreaks, String kind, String message) implements Step {
        @Override
        public void emit(OrderedOutput output) {
            output.emitProblem(new ScanProblem(output.input, offset, output.line(0), kind, message));
            output.lineBase += lineBreaks;
        }
    }

    private record ReleaseStep(MappedByteBuffer window) implements Step {
        @Override
        public void emit(OrderedOutput output) {
            IoUtil.unmap(window);
        }

        @Override
        public void abandon() {
            IoUtil.unmap(window);
        }
    }
}
