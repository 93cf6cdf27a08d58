package io.sigscan.engine.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

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
        Thread died = new Thread(() -> { });
        died.start();
        died.join();
        task.runner = died;
        ChunkResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), task::result);
        assertEquals(List.of(new ChunkOutput.FoundProblem(1010, 0, Worker.INTERNAL, "reading bytes 1010..1040 failed:"
                + " the thread reading them died; the chunk was skipped")), result.outputs);
    }
}
