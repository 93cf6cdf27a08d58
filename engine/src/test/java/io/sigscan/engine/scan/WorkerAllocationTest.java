package io.sigscan.engine.scan;

import static io.sigscan.engine.Fixtures.rule;
import static io.sigscan.engine.Fixtures.ruleSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.sigscan.engine.json.FieldProfile;
import io.sigscan.engine.json.JsonFormat;
import io.sigscan.engine.record.RecordFormat;
import io.sigscan.engine.text.TextFormat;
import io.sigscan.rules.compile.EventPredicate;
import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;

/**
 * The record loop of a worker allocates nothing per event once warm, whatever the format, and
 * renders matched events into reused buffers.
 */
class WorkerAllocationTest {

    private static final int RECORDS = 20_000;

    @Test
    void scanningJsonLinesWithoutMatchesAllocatesNothingPerEvent() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < RECORDS; i++) {
            text.append("{\"Event\":{\"System\":{\"EventID\":1,\"Channel\":\"Sysmon\"},\"EventData\":{\"Image\":")
                    .append("\"C:\\\\Windows\\\\proc").append(i % 97).append(".exe\",\"User\":\"a b\"}}}\n");
        }
        assertSteadyStateAllocation(JsonFormat.LINES, text.toString());
    }

    @Test
    void scanningWinlogbeatDocumentsThroughTheEcsProfileAllocatesNothingPerEvent() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < RECORDS; i++) {
            text.append("{\"winlog\":{\"channel\":\"Sysmon\",\"event_id\":1,\"event_data\":{\"User\":\"a b\"}},")
                    .append("\"process\":{\"executable\":\"C:\\\\Windows\\\\proc").append(i % 97)
                    .append(".exe\",\"parent\":{\"executable\":\"x\"}}}\n");
        }
        assertSteadyStateAllocation(JsonFormat.of(true, FieldProfile.ECS), text.toString());
    }

    @Test
    void scanningTextLinesWithoutMatchesAllocatesNothingPerEvent() {
        assertSteadyStateAllocation(TextFormat.INSTANCE, "a line of text with proc.exe in it\n".repeat(RECORDS));
    }

    @Test
    void matchedEventsAreRenderedIntoReusedBuffers() {
        String padding = "x".repeat(1000);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < RECORDS; i++) {
            text.append("{\"Image\":\"C:\\\\Windows\\\\proc").append(i % 97).append(".exe\",\"Pad\":\"")
                    .append(padding).append("\"}\n");
        }
        FieldTable.Builder fields = FieldTable.builder();
        int image = fields.add("Image");
        RenderedEventsPool pool = new RenderedEventsPool(2);
        // "C:\Windows\proc7.exe": the events numbered 0 to 9 of every 97.
        Worker worker = new Worker(ruleSet(fields.build(), rule("one-digit", anyValueOfLength(image, 20))), 1 << 20, pool);
        UnsafeBuffer buffer = new UnsafeBuffer(text.toString().getBytes(StandardCharsets.UTF_8));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = 0;
        int matches = 0;
        for (int round = 0; round < 5; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            ChunkResult result = worker.scan(JsonFormat.LINES, buffer, 0, buffer.capacity(), 0);
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
            matches = result.outputs.size();
            ChunkOutput.FoundMatch last = (ChunkOutput.FoundMatch) result.outputs.get(matches - 1);
            String lastLine = text.substring((int) last.offset(), text.indexOf("\n", (int) last.offset()));
            assertEquals(lastLine, result.rendered.text(last.eventStart(), last.eventLength()));
            pool.giveBack(result.rendered);
        }
        assertEquals((RECORDS / 97) * 10 + Math.min(10, RECORDS % 97), matches);
        // Each match keeps a small record of where its event is; the events themselves (over a
        // kilobyte each) are copied into the pool's buffer, which has grown by now.
        assertTrue(allocated < 100L * matches, "allocated " + allocated + " bytes for " + matches + " matches");
    }

    /** Reads every value's bytes, as a real matcher would, without allocating; never true here. */
    private static EventPredicate anyValueOfLength(int slot, int length) {
        return event -> {
            for (int i = 0; i < event.valueCount(slot); i++) {
                DirectBuffer buffer = event.valueBuffer(slot, i);
                int offset = event.valueOffset(slot, i);
                int valueLength = event.valueLength(slot, i);
                if (valueLength == length && buffer.getByte(offset) != 0) {
                    return true;
                }
            }
            return false;
        };
    }

    private static void assertSteadyStateAllocation(RecordFormat format, String content) {
        FieldTable.Builder fields = FieldTable.builder();
        int image = fields.add("Image");
        int channel = fields.add("Channel");
        Worker worker = new Worker(ruleSet(fields.build(), rule("image", anyValueOfLength(image, 1000)),
                rule("keywords", anyValueOfLength(EventView.KEYWORDS, 1000)),
                rule("channel", anyValueOfLength(channel, 1000))), 1 << 20, new RenderedEventsPool(2));
        UnsafeBuffer buffer = new UnsafeBuffer(content.getBytes(StandardCharsets.UTF_8));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = 0;
        for (int round = 0; round < 5; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            ChunkResult result = worker.scan(format, buffer, 0, buffer.capacity(), 0);
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(RECORDS, result.events);
            assertEquals(0, result.outputs.size());
        }
        // A chunk result and its list are allocated per chunk; nothing may grow with the events.
        assertTrue(allocated < RECORDS, "allocated " + allocated + " bytes for " + RECORDS + " events");
    }
}
