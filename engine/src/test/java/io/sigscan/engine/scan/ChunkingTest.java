package io.sigscan.engine.scan;

import static io.sigscan.engine.Fixtures.contains;
import static io.sigscan.engine.Fixtures.rule;
import static io.sigscan.engine.Fixtures.ruleSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sigscan.engine.Recorder;
import io.sigscan.engine.ScanListener;
import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.ScanSummary;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;

/**
 * Cutting inputs into chunks and windows must never lose, duplicate or reorder a record: every
 * chunk size, window size and thread count gives the same output as one chunk on one thread.
 */
class ChunkingTest {
    private static final int HUGE = 1 << 30;

    @TempDir
    Path dir;

    private final FieldTable.Builder fields = FieldTable.builder();
    private final int image = fields.add("Image");
    private final CompiledRuleSet rules = ruleSet(fields.build(), rule("every event", event -> true),
            rule("cmd", contains(image, "cmd")), rule("keyword 7", contains(EventView.KEYWORDS, "7")));

    private Path jsonLines() throws IOException {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            switch (random.nextInt(12)) {
                case 0 -> text.append("{\"Image\": \"broken ").append(i).append("\n");
                case 1 -> text.append("\r\n");
                case 2 -> text.append("{\"Image\":\"").append("cmd".repeat(random.nextInt(40))).append(i)
                        .append("\"}\r\n");
                default -> text.append("{\"Image\":\"p").append(i).append("\",\"n\":").append(random.nextInt(1000))
                        .append(",\"tags\":[\"a\",\"").append(i).append("\"]}\n");
            }
        }
        return write("lines.json", text.toString());
    }

    private Path concatenated() throws IOException {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            if (random.nextInt(15) == 0) {
                text.append("{\n  \"Image\": \"torn ").append(i).append("\n");
            } else {
                text.append("{\n  \"Event\": {\n    \"System\": {\n      \"EventID\": ").append(i)
                        .append("\n    },\n    \"EventData\": {\n      \"Image\": \"")
                        .append(random.nextBoolean() ? "cmd.exe " : "other ").append(i).append("\"\n    }\n  }\n}\n");
            }
        }
        return write("pretty.json", text.toString());
    }

    private Path text() throws IOException {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("line ").append(i).append(" ").append("y".repeat(random.nextInt(50)))
                    .append(random.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        return write("text.log", text.toString());
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private Recorder scan(int threads, int chunkBytes, int windowBytes, int maxRecordBytes, List<Path> inputs) {
        Recorder recorder = new Recorder();
        ScanOptions options = new ScanOptions(threads, chunkBytes, maxRecordBytes);
        new ScanDriver(rules, options, windowBytes).scanFiles(inputs, recorder, recorder, ScanListener.NONE);
        return recorder;
    }

    @Test
    void everyChunkSizeAndThreadCountGivesTheSameOutput() throws IOException {
        List<Path> inputs = List.of(jsonLines(), concatenated(), text());
        Recorder baseline = scan(1, HUGE, ScanDriver.DEFAULT_WINDOW_BYTES, 1 << 20, inputs);
        assertTrue(baseline.matches.size() > 700, "matches: " + baseline.matches.size());
        assertTrue(baseline.problems.size() > 20, "problems: " + baseline.problems.size());
        for (int threads : new int[] {1, 2, 4}) {
            for (int chunkBytes : new int[] {1, 2, 3, 17, 100, 4096}) {
                Recorder out = scan(threads, chunkBytes, ScanDriver.DEFAULT_WINDOW_BYTES, 1 << 20, inputs);
                assertEquals(baseline.lines, out.lines, "threads " + threads + ", chunkBytes " + chunkBytes);
            }
        }
    }

    @Test
    void windowsEndAtRecordStartsSoNoRecordStraddlesTwoMappings() throws IOException {
        List<Path> inputs = List.of(jsonLines(), concatenated(), text());
        Recorder baseline = scan(1, HUGE, ScanDriver.DEFAULT_WINDOW_BYTES, 200, inputs);
        for (int windowBytes : new int[] {201, 333, 1000}) {
            for (int chunkBytes : new int[] {5, 64, HUGE}) {
                Recorder out = scan(2, chunkBytes, windowBytes, 200, inputs);
                assertEquals(baseline.lines, out.lines, "window " + windowBytes + ", chunkBytes " + chunkBytes);
            }
        }
    }

    @Test
    void aRecordLongerThanAWholeWindowIsReportedAndReadingResumesAfterIt() throws IOException {
        String longLine = "{\"Image\":\"" + "z".repeat(500) + "\"}\n";
        Path file = write("long.json", "{\"Image\":\"a\"}\n" + longLine + longLine + "{\"Image\":\"cmd\"}\n");
        Recorder out = scan(2, 16, 100, 50, List.of(file));
        int resumeAt = 14 + 2 * longLine.length();
        String quote = "{\"Image\":\"" + "z".repeat(70) + "...";
        assertEquals(List.of(
                "match " + file + " @0 line 1 [every event] {\"Image\":\"a\"}",
                "problem " + file + ":2 (byte 14): too-long: record longer than 50 bytes (the maximum record size)"
                        + " skipped: " + quote,
                "problem " + file + ":3 (byte " + (14 + longLine.length()) + "): too-long: record longer than 50 bytes"
                        + " (the maximum record size) skipped: " + quote,
                "match " + file + " @" + resumeAt + " line 4 [every event] {\"Image\":\"cmd\"}",
                "match " + file + " @" + resumeAt + " line 4 [cmd] {\"Image\":\"cmd\"}"), out.lines);
    }

    @Test
    void manyChunksInFlightStillEmitInInputOrderWithBoundedWork() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("{\"Image\":\"cmd ").append(i).append("\"}\n");
        }
        Path file = write("many.json", text.toString());
        Recorder recorder = new Recorder();
        ScanSummary summary = new ScanDriver(rules, new ScanOptions(4, 1, 1 << 20), ScanDriver.DEFAULT_WINDOW_BYTES)
                .scanFiles(List.of(file), recorder, recorder, ScanListener.NONE);
        assertEquals(5000, summary.events());
        long previous = -1;
        for (var match : recorder.matches) {
            assertTrue(match.offset() >= previous, "out of order at " + match.offset());
            previous = match.offset();
        }
        assertEquals(5000, recorder.matches.get(recorder.matches.size() - 1).line());
    }
}
