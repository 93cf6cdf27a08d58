package io.sigscan.engine.scan;

import org.agrona.DirectBuffer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.sigscan.engine.record.RecordFormat;

/** One chunk scanned on a pool thread by that thread's {@link Worker}. */
final class ChunkTask extends RecursiveTask<ChunkResult> implements Step {
    private final ThreadLocal<Worker> workers;
    private final RecordFormat format;
    private final DirectBuffer buffer;
    private final int start;
    private final int end;
    private final long base;

    ChunkTask(ThreadLocal<Worker> workers, RecordFormat format, DirectBuffer buffer, int start, int end, long base) {
        this.workers = workers;
        this.format = format;
        this.buffer = buffer;
        this.start = start;
        this.end = end;
        this.base = base;
    }

    /** How often the scanning thread, waiting for this chunk, checks that the thread running it is alive. */
    private static final long LIVENESS_CHECK_MILLIS = 200;

    /** The pool thread that took this chunk, once one has (tests set it). */
    volatile Thread runner;

    @Override
    protected ChunkResult compute() {
        runner = Thread.currentThread();
        final Worker worker;
        try {
            worker = workers.get();
        } catch (InternalError late) {
            // A fault of an earlier chunk, thrown late (see Worker#scan): not this chunk's.
            return workers.get().scan(format, buffer, start, end, base);
        }
        return worker.scan(format, buffer, start, end, base);
    }

    @Override
    public void emit(OrderedOutput output) {
        output.emitChunk(result());
    }

    /**
     * This chunk's result, as {@link #join} gives it, except that a chunk whose pool thread died
     * without finishing it fails instead of being waited for forever. A fault reading a mapped
     * file that shrank can be thrown late (see {@link Worker#scan}), even inside the pool's own
     * code after the chunk's work returned, where it ends the thread and leaves the chunk undone.
     */
    ChunkResult result() {
        while (true) {
            try {
                return get(LIVENESS_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                final Thread thread = runner;
                if (thread != null && !thread.isAlive() && !isDone()) {
                    final ChunkResult failed = new ChunkResult(base, end - start);
                    failed.onRecordProblem(start, 0, Worker.INTERNAL, "reading bytes " + (base + start) + ".."
                            + (base + end) + " failed: the thread reading them died; the chunk was skipped");
                    complete(failed);
                }
            } catch (ExecutionException failed) {
                return join(); // rethrows what the chunk threw, as join does
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return join();
            }
        }
    }

    @Override
    public void abandon() {
        cancel(false);
    }
}
