package io.sigscan.engine.scan;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

import org.agrona.DirectBuffer;

import io.sigscan.engine.record.ByteScan;
import io.sigscan.engine.record.RecordConsumer;
import io.sigscan.engine.record.RecordFormat;
import io.sigscan.engine.record.RecordReader;
import io.sigscan.rules.compile.CompiledRule;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.compile.RuleEvaluator;
import io.sigscan.rules.compile.RuleHitHandler;
import io.sigscan.rules.event.FieldTable;

/**
 * The state one scan thread owns: a reader per format (each with its reused event view), a rule
 * evaluator and a hit buffer. Never shared, so the record loop needs no synchronisation.
 *
 * <p>Hot path: {@link #onRecord} runs per record and allocates only a small record per match: the
 * matched event is rendered into a buffer from the pool.
 */
final class Worker implements RuleHitHandler, RecordConsumer {
    static final String INTERNAL = "internal";

    private final FieldTable fields;
    private final RuleEvaluator evaluator;
    private final int maxRecordBytes;
    private final RenderedEventsPool renderedEvents;
    private final Map<RecordFormat, RecordReader> readers = new IdentityHashMap<>();
    private CompiledRule[] hits = new CompiledRule[8];
    private int hitCount;
    /** The chunk being scanned, while {@link #scan} runs. */
    private ChunkResult result;

    Worker(CompiledRuleSet rules, int maxRecordBytes, RenderedEventsPool renderedEvents) {
        this.fields = rules.fields();
        this.evaluator = rules.newEvaluator();
        this.maxRecordBytes = maxRecordBytes;
        this.renderedEvents = renderedEvents;
    }

    /**
     * Reads and evaluates every record of {@code [start, end)}; never throws for bad input.
     *
     * <p>An {@link InternalError} is how the JVM reports reading a page past the end of a mapped
     * file that shrank (a log rotated by truncation), and from JIT-compiled code it is thrown where
     * the thread next checks for it: possibly in a later chunk, even another file's. So a chunk
     * that meets one is read again once; a fault of its own then fails it again and is reported.
     */
    ChunkResult scan(RecordFormat format, DirectBuffer buffer, int start, int end, long base) {
        final ChunkResult first = read(format, buffer, start, end, base, false);
        return first != null ? first : read(format, buffer, start, end, base, true);
    }

    /** One reading of the chunk; null when it met an {@link InternalError} and {@code reportFaults} is false. */
    private ChunkResult read(RecordFormat format, DirectBuffer buffer, int start, int end, long base,
                             boolean reportFaults) {
        final ChunkResult chunk = new ChunkResult(base, end - start);
        RecordReader reader = readers.get(format);
        if (reader == null) {
            reader = format.newReader(fields, maxRecordBytes);
            readers.put(format, reader);
        }
        result = chunk;
        try {
            reader.read(buffer, start, end, chunk, this);
            chunk.lineBreaks = reader.chunkLineBreaks();
            deliverPendingFaults();
        } catch (InternalError e) {
            if (!reportFaults) {
                return null;
            }
            failed(chunk, buffer, start, end, base, e);
        } catch (RuntimeException | StackOverflowError e) {
            failed(chunk, buffer, start, end, base, e);
        } finally {
            result = null;
        }
        return chunk;
    }

    private static void failed(ChunkResult chunk, DirectBuffer buffer, int start, int end, long base, Throwable e) {
        chunk.onRecordProblem(start, 0, INTERNAL, readingFailed(base, start, end)
                + "; the rest of this chunk was skipped: " + e);
        chunk.lineBreaks = lineBreaksOrZero(buffer, start, end);
    }

    /** One good record: evaluate the rules; a rule that throws is reported and the scan goes on. */
    @Override
    public void onRecord(RecordReader reader) {
        final ChunkResult chunk = result;
        chunk.events++;
        hitCount = 0;
        try {
            evaluator.evaluate(reader.view(), this);
            if (hitCount > 0) {
                if (evaluator.profiled()) {
                    final long start = System.nanoTime();
                    collectHits(reader, chunk);
                    evaluator.matchesRecorded(System.nanoTime() - start);
                } else {
                    collectHits(reader, chunk);
                }
            }
        } catch (RuntimeException e) {
            chunk.onRecordProblem(reader.recordOffset(), reader.recordLineIndex(), INTERNAL,
                    "evaluating the rules on this record failed: " + e);
        }
    }

    private void collectHits(RecordReader reader, ChunkResult result) {
        if (result.rendered == null) {
            result.rendered = renderedEvents.take();
        }
        final int eventStart = result.rendered.length();
        reader.renderJson(result.rendered);
        final int eventLength = result.rendered.length() - eventStart;
        final int offset = reader.recordOffset();
        final long lineIndex = reader.recordLineIndex();
        final long recordId = reader.recordId();
        for (int i = 0; i < hitCount; i++) {
            result.match(hits[i], offset, lineIndex, recordId, eventStart, eventLength);
        }
    }

    @Override
    public void onRuleHit(CompiledRule rule) {
        if (hitCount == hits.length) {
            hits = Arrays.copyOf(hits, hitCount * 2);
        }
        hits[hitCount++] = rule;
    }

    /**
     * Has the JVM throw, here, a fault it holds for this thread but has not thrown yet. Left
     * pending, it is thrown wherever the thread next checks: in the pool's own code that runs
     * this chunk's task, whose queues it can leave broken, a worker spinning on them forever
     * (seen once in the shrinking-file test). A thread checks on its way back from native code,
     * and yielding is the cheapest native call: once per chunk of megabytes.
     */
    private static void deliverPendingFaults() {
        Thread.yield();
    }

    /** The start of every message saying a chunk could not be read. */
    static String readingFailed(long base, int start, int end) {
        return "reading bytes " + (base + start) + ".." + (base + end) + " failed";
    }

    private static long lineBreaksOrZero(DirectBuffer buffer, int start, int end) {
        try {
            return ByteScan.countNewlines(buffer, start, end);
        } catch (RuntimeException | InternalError e) {
            return 0;
        }
    }
}
