package io.sigscan.engine.evtx;

import static io.sigscan.engine.evtx.EvtxBuilder.data;
import static io.sigscan.engine.evtx.EvtxBuilder.element;
import static io.sigscan.engine.evtx.EvtxBuilder.event;
import static io.sigscan.engine.evtx.EvtxBuilder.filetime;
import static io.sigscan.engine.evtx.EvtxBuilder.hex64;
import static io.sigscan.engine.evtx.EvtxBuilder.string;
import static io.sigscan.engine.evtx.EvtxBuilder.u32;
import static io.sigscan.engine.evtx.EvtxBuilder.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import io.sigscan.engine.ScanProblemHandler;
import io.sigscan.rules.event.FieldTable;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Once its buffers have grown, a chunk reader allocates nothing per record, values decoded included. */
class EvtxAllocationTest {

    @Test
    void readingAndDecodingRecordsAllocatesNothingInSteadyState() {
        final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "needs per-thread allocation counters");
        final com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
        final EvtxBuilder builder = new EvtxBuilder();
        for (int i = 0; i < 50; i++) {
            builder.record(event(4624, "Security",
                    data("Target User Name", string("user" + i)),
                    data("LogonType", u32(i % 11)),
                    data("TargetLogonId", hex64(0x3e7 + i)),
                    data("When", filetime(133_000_000_000_000_000L + i)),
                    data("Sid", value(ValueType.SID, EvtxBuilder.concat(new byte[] {1, 1, 0, 0, 0, 0, 0, 5}, EvtxBuilder.le(4, 18)))),
                    element("Data", string("unnamed"))));
        }
        final UnsafeBuffer file = new UnsafeBuffer(builder.build());
        final FieldTable fields = fields("EventID", "Channel", "Provider_Name", "TimeCreated_SystemTime",
                "TargetUserName", "LogonType", "TargetLogonId", "When", "Sid", "Data", "Absent");
        final EvtxChunkReader reader = new EvtxChunkReader(fields);
        final long[] sink = new long[1];
        final EvtxRecordHandler touchEveryValue = view -> {
            for (int slot = 0; slot < fields.size(); slot++) {
                for (int i = 0; i < view.valueCount(slot); i++) {
                    sink[0] += view.valueKind(slot, i) + view.valueLength(slot, i)
                            + view.valueBuffer(slot, i).getByte(view.valueOffset(slot, i));
                }
            }
        };
        final ScanProblemHandler noProblems = problem -> {
            throw new AssertionError(problem.toString());
        };
        final int offset = EvtxFile.HEADER_BLOCK_SIZE;
        for (int warmUp = 0; warmUp < 2_000; warmUp++) {
            reader.readChunk("a.evtx", file, offset, EvtxFile.CHUNK_SIZE, 0, touchEveryValue, noProblems);
        }

        final long before = allocations.getCurrentThreadAllocatedBytes();
        final int rounds = 1_000;
        for (int round = 0; round < rounds; round++) {
            reader.readChunk("a.evtx", file, offset, EvtxFile.CHUNK_SIZE, 0, touchEveryValue, noProblems);
        }
        final long allocated = allocations.getCurrentThreadAllocatedBytes() - before;

        assertEquals(50L * (rounds + 2_000), reader.records());
        assertTrue(sink[0] > 0);
        assertTrue(allocated < 4096, allocated + " bytes allocated for " + 50 * rounds + " records");
    }

    private static FieldTable fields(String... names) {
        final FieldTable.Builder builder = FieldTable.builder();
        for (String name : names) {
            builder.add(name);
        }
        return builder.build();
    }
}
