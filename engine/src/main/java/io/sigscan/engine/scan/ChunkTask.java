package io.sigscan.engine.scan;

import org.agrona.DirectBuffer;

import java.util.concurrent.RecursiveTask;

import io.sigscan.engine.record.RecordFormat;

/** One chunk scanned on a pool thread by that thread's {@link Worker}. */
final class ChunkTask extends RecursiveTask<ChunkResult> implements Step {
    /**
     * The chunk each pool thread took last, for {@link #failRunningChunk}: set when it starts and
     * left set, since the error that ends a thread may come after the chunk's work returned.
     */
    private static final ThreadLocal<ChunkTask> TAKEN = new ThreadLocal<>();

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

    @Override
    protected ChunkResult compute() {
        TAKEN.set(this);
        try {
            return workers.get().scan(format, buffer, start, end, base);
        } catch (InternalError late) {
            // A fault thrown late (see Worker#scan), outside the worker's own handling: an earlier
            // chunk's, or this one's after it was read. Read once more; a fault again is this chunk's.
            try {
                return workers.get().scan(format, buffer, start, end, base);
            } catch (InternalError again) {
                return failed(again + "; the chunk was skipped");
            }
        }
    }

    /** This chunk's result when reading it failed, {@code why} saying how. */
    private ChunkResult failed(String why) {
        final ChunkResult result = new ChunkResult(base, end - start);
        result.onRecordProblem(start, 0, Worker.INTERNAL, Worker.readingFailed(base, start, end) + ": " + why);
        return result;
    }

    @Override
    public void emit(OrderedOutput output) {
        output.emitChunk(result());
    }

    /** The chunk's result, waiting for it if need be. */
    ChunkResult result() {
        try {
            return join();
        } catch (InternalError late) {
            // Delivered even later, in the pool's own frames around compute: the chunk is failed, not the scan.
            return failed(late + "; the chunk was skipped");
        }
    }

    /**
     * The pool's handler for a thread that dies of an error: fails the chunk it took last, if that
     * is not done, so that nobody waits for it forever. A fault reading a mapped file that shrank
     * can be thrown late (see {@link Worker#scan}), even inside the pool's own code after the
     * chunk's work returned, where it ends the thread and leaves the chunk undone.
     */
    static void failRunningChunk(Thread thread, Throwable error) {
        final ChunkTask task = TAKEN.get();
        if (task != null && !task.isDone()) {
            task.complete(task.failed("the thread reading them died of " + error + "; the chunk was skipped"));
        }
    }

    @Override
    public void abandon() {
        cancel(false);
    }
}
