package io.sigscan.engine.scan;

import org.agrona.DirectBuffer;

import java.util.concurrent.RecursiveTask;

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

    @Override
    protected ChunkResult compute() {
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
        output.emitChunk(join());
    }

    @Override
    public void abandon() {
        cancel(false);
    }
}
