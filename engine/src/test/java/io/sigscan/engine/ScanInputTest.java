package io.sigscan.engine;

import static io.sigscan.engine.Fixtures.contains;
import static io.sigscan.engine.Fixtures.rule;
import static io.sigscan.engine.Fixtures.ruleSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sigscan.engine.input.EvtxFormat;
import io.sigscan.engine.json.JsonFormat;
import io.sigscan.engine.text.TextFormat;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.event.FieldTable;

class ScanInputTest {
    @TempDir
    Path dir;

    private final FieldTable.Builder fields = FieldTable.builder();
    private final int image = fields.add("Image");
    private final CompiledRuleSet rules = ruleSet(fields.build(), rule("cmd", contains(image, "cmd")));

    /** Each input's end as the listener heard it: {@code name end lineBreaks}. */
    private final List<String> ends = new ArrayList<>();
    private final ScanListener endRecorder = new ScanListener() {
        @Override
        public void onInputEnd(ScanInput input, long end, long lineBreaks) {
            ends.add(input.name() + " " + end + " " + lineBreaks);
        }
    };

    private ScanSummary summary;

    private Recorder scan(ScanInput... inputs) {
        Recorder recorder = new Recorder();
        summary = new Scanner(rules, ScanOptions.defaults().withThreads(2).withChunkBytes(16))
                .scanInputs(List.of(inputs), recorder, recorder, endRecorder);
        return recorder;
    }

    private static final String LINE_1 = "{\"Image\":\"a.exe\"}\n";
    private static final String LINE_2 = "{\"Image\":\"cmd.exe\"}\n";
    private static final String LINE_3 = "{\"Image\":\"C:\\\\cmd.exe\"}\n";

    @Test
    void resumedFileKeepsItsOffsetsAndLineNumbersAndStopsBeforeAnUnfinishedLine() throws IOException {
        Path file = dir.resolve("events.jsonl");
        String complete = LINE_1 + LINE_2 + LINE_3;
        Files.writeString(file, complete + "{\"Image\":\"cmd", StandardCharsets.UTF_8);
        long start = LINE_1.length();
        long size = Files.size(file);

        Recorder out = scan(ScanInput.range(file, "events.jsonl", start, 1, size));

        assertEquals(List.of(
                "match events.jsonl @" + start + " line 2 [cmd] {\"Image\":\"cmd.exe\"}",
                "match events.jsonl @" + (start + LINE_2.length()) + " line 3 [cmd] {\"Image\":\"C:\\\\cmd.exe\"}"),
                out.lines);
        assertEquals(List.of("events.jsonl " + complete.length() + " 3"), ends);
        assertEquals(complete.length() - start, summary.bytes(), "the unfinished line is not counted as read");
    }

    @Test
    void theEndGivenIsNotReadPastEvenWhenTheFileIsLonger() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, LINE_1 + LINE_2 + LINE_3, StandardCharsets.UTF_8);
        long end = LINE_1.length() + LINE_2.length() + 5;

        Recorder out = scan(ScanInput.range(file, "events.jsonl", 0, 0, end));

        assertEquals(1, out.matches.size(), out.lines.toString());
        assertEquals(List.of("events.jsonl " + (LINE_1.length() + LINE_2.length()) + " 2"), ends);
    }

    @Test
    void wholeInputsReadTheLastLineEvenWithoutItsLineBreak() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, LINE_1 + "{\"Image\":\"cmd.exe\"}", StandardCharsets.UTF_8);

        Recorder out = scan(ScanInput.whole(file, "events.jsonl"));

        assertEquals(1, out.matches.size(), out.lines.toString());
        assertEquals(List.of("events.jsonl " + Files.size(file) + " 1"), ends);
    }

    @Test
    void anInputWithNothingNewEndsWhereItStarted() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, LINE_1 + LINE_2, StandardCharsets.UTF_8);
        long size = Files.size(file);

        Recorder out = scan(ScanInput.range(file, "events.jsonl", size, 2, size));

        assertEquals(List.of(), out.lines);
        assertEquals(List.of("events.jsonl " + size + " 2"), ends);
    }

    @Test
    void aRangeEndingBeforeItsStartIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScanInput.range(dir, "x", 10, 0, 5));
    }

    @Test
    void completeRecordsEndAfterTheLastLineBreakAfterTheLastClosingBraceOrAfterTheLastWholeChunk() {
        UnsafeBuffer lines = buffer("{\"a\":1}\n{\"a\":2}\n{\"a\"");
        assertEquals(16, JsonFormat.LINES.lastRecordEnd(lines, 0, 0, lines.capacity()));
        assertEquals(16, TextFormat.INSTANCE.lastRecordEnd(lines, 0, 0, lines.capacity()));
        assertEquals(0, TextFormat.INSTANCE.lastRecordEnd(buffer("no line break"), 0, 0, 13));

        UnsafeBuffer pretty = buffer("{\n  \"a\": 1\n}\n{\n  \"a\": 2\n");
        assertEquals(13, JsonFormat.CONCATENATED.lastRecordEnd(pretty, 0, 0, pretty.capacity()));
        assertEquals(0, JsonFormat.CONCATENATED.lastRecordEnd(pretty, 0, 0, 10));

        UnsafeBuffer evtx = new UnsafeBuffer(new byte[4096 + 2 * 65536 + 100]);
        assertEquals(4096 + 2 * 65536, EvtxFormat.INSTANCE.lastRecordEnd(evtx, 0, 4096, evtx.capacity()));
        assertEquals(4096, EvtxFormat.INSTANCE.lastRecordEnd(evtx, 0, 4096, 4096 + 65535));
        assertEquals(65536, EvtxFormat.INSTANCE.lastRecordEnd(evtx, 4096, 0, 65536 + 10),
                "positions are relative to the buffer, whose index 0 is at the given base");
    }

    private static UnsafeBuffer buffer(String text) {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
