package io.sigscan.engine.scan;

import static io.sigscan.engine.Fixtures.rule;
import static io.sigscan.engine.Fixtures.ruleSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.sigscan.engine.text.TextFormat;
import io.sigscan.rules.event.FieldTable;

class ChunkTaskTest {

    /** A fault of an earlier chunk delivered as this one starts: the chunk is read all the same. */
    @Test
    void aLateFaultBeforeTheChunkIsReadIsNotHeldAgainstIt() {
        FieldTable fields = FieldTable.builder().build();
        Worker worker = new Worker(ruleSet(fields, rule("every line", event -> true)), 1 << 20, new RenderedEventsPool(2));
        int[] calls = {0};
        ChunkTask task = new ChunkTask(new ThreadLocal<>() {
            @Override
            public Worker get() {
                if (calls[0]++ == 0) {
                    throw new InternalError("a fault occurred in a recent unsafe memory access operation");
                }
                return worker;
            }
        }, TextFormat.INSTANCE, new UnsafeBuffer("one\ntwo\n".getBytes(StandardCharsets.UTF_8)), 0, 8, 0);
        ChunkResult result = task.compute();
        assertEquals(2, result.events);
        assertEquals(2, result.outputs.size());
        assertTrue(result.outputs.stream().allMatch(output -> output instanceof ChunkOutput.FoundMatch));
    }

    /** Delivered in the pool's frames around the work, the fault completes the task exceptionally: reported, not thrown. */
    @Test
    void aChunkCompletedByALateFaultIsReportedNotRethrown() {
        ChunkTask task = new ChunkTask(ThreadLocal.withInitial(() -> null), TextFormat.INSTANCE,
                new UnsafeBuffer(new byte[64]), 10, 40, 1000);
        task.completeExceptionally(new InternalError("a fault occurred in a recent unsafe memory access operation"));
        ChunkResult result = task.result();
        ChunkOutput.FoundProblem problem = (ChunkOutput.FoundProblem) result.outputs.get(0);
        assertEquals(1010, problem.offset());
        assertTrue(problem.message().startsWith("reading bytes 1010..1040 failed: java.lang.InternalError: a fault"),
                problem.message());
        assertTrue(problem.message().endsWith("; the chunk was skipped"), problem.message());
    }

    /**
     * A fault thrown late inside the pool's own code can end a pool thread with its chunk undone
     * (a file that shrank under its mapping): the scanning thread must not wait for it forever.
     */
    @Test
    void aChunkWhoseThreadDiedUnfinishedFailsInsteadOfBeingAwaitedForever() throws InterruptedException {
        ChunkTask task = new ChunkTask(ThreadLocal.withInitial(() -> null), TextFormat.INSTANCE,
                new UnsafeBuffer(new byte[64]), 10, 40, 1000);
        Thread dies = new Thread(() -> {
            task.compute(); // takes the chunk; its worker is null, so it fails as a thread dying mid-chunk would
        });
        dies.setUncaughtExceptionHandler(ChunkTask::failRunningChunk);
        dies.start();
        dies.join();
        ChunkResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), task::join);
        assertEquals(1, result.outputs.size());
        ChunkOutput.FoundProblem problem = (ChunkOutput.FoundProblem) result.outputs.get(0);
        assertEquals(1010, problem.offset());
        assertTrue(problem.message().startsWith("reading bytes 1010..1040 failed: the thread reading them died of"
                + " java.lang.NullPointerException"), problem.message());
    }
}
