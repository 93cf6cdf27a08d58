package io.sigscan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScanOptionsTest {

    @Test
    void defaultsUseEveryProcessorSixteenMegabyteChunksAndRecordsUpTo64Megabytes() {
        ScanOptions options = ScanOptions.defaults();
        assertEquals(Runtime.getRuntime().availableProcessors(), options.threads());
        assertEquals(16 << 20, options.chunkBytes());
        assertEquals(64 << 20, options.maxRecordBytes());
        assertEquals(3, options.withThreads(3).threads());
    }

    @Test
    void outOfRangeValuesAreRejectedWithTheAcceptedRange() {
        assertEquals("threads must be 1..32767, not 0",
                assertThrows(IllegalArgumentException.class, () -> new ScanOptions(0, 1, 1)).getMessage());
        assertEquals("chunkBytes must be positive, not 0",
                assertThrows(IllegalArgumentException.class, () -> new ScanOptions(1, 0, 1)).getMessage());
        assertEquals("maxRecordBytes must be 1..536870912, not 536870913",
                assertThrows(IllegalArgumentException.class, () -> new ScanOptions(1, 1, (512 << 20) + 1))
                        .getMessage());
    }
}
