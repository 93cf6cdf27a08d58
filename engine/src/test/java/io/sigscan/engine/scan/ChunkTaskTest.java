package io.sigscan.engine.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.sigscan.engine.text.TextFormat;

class ChunkTaskTest {

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
