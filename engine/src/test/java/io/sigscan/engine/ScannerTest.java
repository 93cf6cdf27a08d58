package io.sigscan.engine;

import static io.sigscan.engine.Fixtures.contains;
import static io.sigscan.engine.Fixtures.rule;
import static io.sigscan.engine.Fixtures.ruleSet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;

class ScannerTest {

    @TempDir
    Path dir;

    private final FieldTable.Builder fields = FieldTable.builder();
    private final int image = fields.add("Image");

    private CompiledRuleSet everyEventAndCmd() {
        return ruleSet(fields.build(), rule("every event", event -> true), rule("cmd", contains(image, "cmd")));
    }

    private Recorder scan(CompiledRuleSet rules, ScanOptions options, Path... inputs) {
        Recorder recorder = new Recorder();
        new Scanner(rules, options).scan(List.of(inputs), recorder, recorder);
        return recorder;
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private static ScanOptions options() {
        return ScanOptions.defaults().withThreads(2);
    }

    /**
     * Matched events are lent to the handler from buffers the scan reuses: a match kept without
     * its text refuses to give another event's bytes once its chunk is done; read during the
     * call, or detached, it keeps its own.
     */
    @Test
    void aMatchKeptPastItsChunkRefusesToReadReusedBytes() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 4_000; i++) {
            lines.append("{\"Image\":\"cmd").append(i).append("\"}\n");
        }
        Path file = write("events.jsonl", lines.toString());
        List<Match> kept = new ArrayList<>();
        List<Match> detached = new ArrayList<>();
        List<String> read = new ArrayList<>();
        scanInSmallChunks(file, match -> {
            kept.add(match);
            detached.add(match.detached());
            read.add(match.eventJson());
        });
        assertEquals(8_000, kept.size());
        Match first = kept.get(0);
        assertEquals("{\"Image\":\"cmd0\"}", first.eventJson(), "read while handled, the text was kept");
        for (int i = 0; i < kept.size(); i++) {
            assertEquals("{\"Image\":\"cmd" + i / 2 + "\"}", detached.get(i).eventJson());
            assertEquals(read.get(i), detached.get(i).eventJson());
        }
        List<Match> unread = new ArrayList<>();
        scanInSmallChunks(file, unread::add);
        IllegalStateException gone = assertThrows(IllegalStateException.class, () -> unread.get(0).eventJson());
        assertTrue(gone.getMessage().contains("detached()"), gone.getMessage());
    }

    private void scanInSmallChunks(Path file, MatchHandler matches) {
        new Scanner(everyEventAndCmd(), ScanOptions.defaults().withThreads(2).withChunkBytes(4 << 10))
                .scan(List.of(file), matches, problem -> { });
    }

    @Test
    void jsonLinesWithBomCrlfBlankLinesAndNoFinalNewlineAreAllRead() throws IOException {
        Path file = write("events.json", "\uFEFF{\"Image\":\"a.exe\"}\r\n\r\n{\"Image\" : \"C:\\\\cmd.exe\"}\n\n  \n"
                + "{\"Image\":\"b\"}");
        Recorder out = scan(everyEventAndCmd(), options(), file);
        assertEquals(List.of(
                "match " + file + " @3 line 1 [every event] {\"Image\":\"a.exe\"}",
                "match " + file + " @24 line 3 [every event] {\"Image\":\"C:\\\\cmd.exe\"}",
                "match " + file + " @24 line 3 [cmd] {\"Image\":\"C:\\\\cmd.exe\"}",
                "match " + file + " @54 line 6 [every event] {\"Image\":\"b\"}"), out.lines);
    }

    @Test
    void aBrokenLineIsReportedWithLineAndOffsetAndTheRestIsScanned() throws IOException {
        Path file = write("events.jsonl", "{\"Image\":\"a\"}\n{\"Image\" \"b\"}\n{\"Image\":\"cmd\"}\n{\"Image\":\"d\"");
        Recorder out = scan(everyEventAndCmd(), options(), file);
        assertEquals(List.of(
                "match " + file + " @0 line 1 [every event] {\"Image\":\"a\"}",
                "problem " + file + ":2 (byte 14): bad-json: expected ':' after an object key, at byte 9 of the record:"
                        + " {\"Image\" \"b\"}",
                "match " + file + " @28 line 3 [every event] {\"Image\":\"cmd\"}",
                "match " + file + " @28 line 3 [cmd] {\"Image\":\"cmd\"}",
                "problem " + file + ":4 (byte 44): bad-json: unexpected end of the record, at byte 12 of the record:"
                        + " {\"Image\":\"d\""), out.lines);
    }

    /** A truncated line parses on into the next lines (JSON allows line breaks between tokens); they must still be read. */
    @Test
    void aTruncatedLineDoesNotTakeTheLinesAfterItWithIt() throws IOException {
        Path file = write("events.jsonl", "{\"Image\":\"a\"}\n{\"EventID\":4688,\"Image\":\n{\"Image\":\"cmd\"}\n"
                + "{\"Image\":\"c\"}\n{\"Image\":[\n{\"Image\":\"d\"}\n");
        Recorder out = scan(everyEventAndCmd(), options(), file);
        assertEquals(List.of(
                "match " + file + " @0 line 1 [every event] {\"Image\":\"a\"}",
                "problem " + file + ":2 (byte 14): bad-json: the line ends before the object does, at byte 24 of the"
                        + " record: {\"EventID\":4688,\"Image\":",
                "match " + file + " @39 line 3 [every event] {\"Image\":\"cmd\"}",
                "match " + file + " @39 line 3 [cmd] {\"Image\":\"cmd\"}",
                "match " + file + " @55 line 4 [every event] {\"Image\":\"c\"}",
                "problem " + file + ":5 (byte 69): bad-json: the line ends before the object does, at byte 10 of the"
                        + " record: {\"Image\":[",
                "match " + file + " @80 line 6 [every event] {\"Image\":\"d\"}"), out.lines);
    }

    /**
     * A log rotated by truncation while it is read: the pages past its new end fault, on the
     * thread cutting chunks and on the workers. The file is reported, the next input still read.
     */
    @Test
    void aFileThatShrinksWhileItIsReadIsReportedAndTheNextInputIsStillScanned() throws IOException {
        Path shrinking = write("rotated.jsonl", "{\"Image\":\"x\"}\n".repeat(600_000));
        Path after = write("after.jsonl", "{\"Image\":\"cmd\"}\n");
        AtomicBoolean truncated = new AtomicBoolean();
        ScanListener truncateAfterTheFirstChunk = new ScanListener() {
            @Override
            public void onProgress(long bytes, long events) {
                if (truncated.compareAndSet(false, true)) {
                    try (FileChannel channel = FileChannel.open(shrinking, StandardOpenOption.WRITE)) {
                        channel.truncate(0);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
        Recorder out = new Recorder();
        new Scanner(everyEventAndCmd(), ScanOptions.defaults().withThreads(1).withChunkBytes(64 << 10))
                .scan(List.of(shrinking, after), out, out, truncateAfterTheFirstChunk);
        assertTrue(truncated.get());
        assertTrue(out.lines.contains("match " + after + " @0 line 1 [cmd] {\"Image\":\"cmd\"}"),
                () -> out.lines.stream().filter(line -> !line.contains(shrinking.toString())).toList().toString());
        // What the scan read after the fault and before the JVM threw is garbage: bad-json, left out here.
        assertTrue(out.problems.stream().anyMatch(p -> p.file().equals(shrinking.toString())
                && p.message().contains("the file shrank while it was read")),
                () -> out.problems.stream().filter(p -> !p.kind().equals("bad-json")).toList().toString());
    }

    /** A header line before JSON lines must not turn the whole file into lines of text, which no field rule matches. */
    @Test
    void jsonLinesAfterAHeaderLineAreReadAsJsonAndTheHeaderReported() throws IOException {
        Path file = write("export.jsonl", "#Fields: exported by a tool\n{\"Image\":\"cmd\"}\n{\"Image\":\"b\"}\n");
        Recorder out = scan(everyEventAndCmd(), options(), file);
        assertEquals(List.of(
                "problem " + file + ":1 (byte 0): bad-json: expected '{' at the start of a record, at byte 0 of the"
                        + " record: #Fields: exported by a tool",
                "match " + file + " @28 line 2 [every event] {\"Image\":\"cmd\"}",
                "match " + file + " @28 line 2 [cmd] {\"Image\":\"cmd\"}",
                "match " + file + " @44 line 3 [every event] {\"Image\":\"b\"}"), out.lines);
        Path text = write("app.log", "starting {json-ish} cmd\n{not json\nstopped\n");
        assertEquals(List.of("match " + text + " @0 line 1 [every event] {\"line\":\"starting {json-ish} cmd\"}",
                "match " + text + " @24 line 2 [every event] {\"line\":\"{not json\"}",
                "match " + text + " @34 line 3 [every event] {\"line\":\"stopped\"}"),
                scan(everyEventAndCmd(), options(), text).lines, "a text log with a line starting with '{' stays text");
    }

    /** Read as bytes, UTF-16 would match no rule: said, not scanned to no effect. */
    @Test
    void utf16TextIsReportedAndTheNextInputStillScanned() throws IOException {
        Path utf16 = dir.resolve("powershell-export.json");
        Files.write(utf16, "\uFEFF{\"Image\":\"cmd\"}\r\n".getBytes(StandardCharsets.UTF_16LE));
        Path after = write("after.jsonl", "{\"Image\":\"cmd\"}\n");
        Recorder out = scan(everyEventAndCmd(), options(), utf16, after);
        assertEquals(List.of("problem " + utf16 + " (byte 0): unsupported-encoding: UTF-16 text (it starts with a UTF-16"
                        + " byte order mark); sigscan reads UTF-8: convert it first, e.g. with iconv -f UTF-16 -t UTF-8,"
                        + " or export with -Encoding utf8",
                "match " + after + " @0 line 1 [every event] {\"Image\":\"cmd\"}",
                "match " + after + " @0 line 1 [cmd] {\"Image\":\"cmd\"}"), out.lines);
    }

    /** A Latin-1 record is reported where its first non-UTF-8 byte is, and still evaluated. */
    @Test
    void aRecordWithBytesThatAreNotUtf8IsReportedAndStillEvaluated() throws IOException {
        byte[] latin1 = "{\"User\":\"Jos\u00E9\",\"Image\":\"C:\\\\cmd.exe\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = "{\"User\":\"Jos\u00E9 \u2013 \uD83D\uDE00\",\"Image\":\"x\"}\n".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, concat(latin1, utf8));
        Recorder out = scan(everyEventAndCmd(), options(), file);
        assertEquals(List.of(
                "problem " + file + ":1 (byte 0): invalid-utf8: bytes that are not UTF-8 at byte 12 of the record (another"
                        + " encoding, or a damaged file); the record was evaluated on its bytes as they are and is written"
                        + " with U+FFFD in their place: " + new String(latin1, 0, latin1.length - 1, StandardCharsets.UTF_8),
                "match " + file + " @0 line 1 [every event] {\"User\":\"Jos\uFFFD\",\"Image\":\"C:\\\\cmd.exe\"}",
                "match " + file + " @0 line 1 [cmd] {\"User\":\"Jos\uFFFD\",\"Image\":\"C:\\\\cmd.exe\"}",
                "match " + file + " @" + latin1.length + " line 2 [every event] " + new String(utf8, 0, utf8.length - 1,
                        StandardCharsets.UTF_8)), out.lines);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void objectsBackToBackOnALineOrLinesEndedByACarriageReturnAreEachARecord() throws IOException {
        Path file = write("events.jsonl", "{\"Image\":\"a\"}{\"Image\":\"cmd\"}\n{\"Image\":\"c\"}\r{\"Image\":\"d\"}\r");
        Recorder out = scan(everyEventAndCmd(), options(), file);
        assertEquals(List.of(
                "match " + file + " @0 line 1 [every event] {\"Image\":\"a\"}",
                "match " + file + " @13 line 1 [every event] {\"Image\":\"cmd\"}",
                "match " + file + " @13 line 1 [cmd] {\"Image\":\"cmd\"}",
                "match " + file + " @29 line 2 [every event] {\"Image\":\"c\"}",
                "match " + file + " @43 line 2 [every event] {\"Image\":\"d\"}"), out.lines);
    }

    @Test
    void textAfterTheObjectOnAJsonLineMakesTheLineBad() throws IOException {
        Path file = write("events.jsonl", "{\"Image\":\"a\"}\n{\"Image\":\"b\"} trailing\n{\"Image\":\"c\"}\n");
        Recorder out = scan(everyEventAndCmd(), options(), file);
        assertEquals(List.of(
                "match " + file + " @0 line 1 [every event] {\"Image\":\"a\"}",
                "problem " + file + ":2 (byte 14): bad-json: unexpected text after the object on its line, at byte 14"
                        + " of the record: {\"Image\":\"b\"} trailing",
                "match " + file + " @37 line 3 [every event] {\"Image\":\"c\"}"), out.lines);
    }

    @Test
    void concatenatedPrettyObjectsAreReadAndABrokenOneIsSkipped() throws IOException {
        String first = "{\n  \"Image\": \"a\"\n}\n";
        String broken = "{\n  \"Image\":\n}\n";
        String third = "{\n  \"Image\": \"cmd\",\n  \"Nested\": {\n    \"x\": [1, 2]\n  }\n}\n";
        Path file = write("events.json", first + broken + third);
        Recorder out = scan(everyEventAndCmd(), options(), file);
        int thirdAt = first.length() + broken.length();
        assertEquals(List.of(
                "match " + file + " @0 line 1 [every event] {\"Image\":\"a\"}",
                "problem " + file + ":4 (byte 19): bad-json: expected a value (string, number, object, array, true,"
                        + " false or null), at byte 13 of the record: {",
                "match " + file + " @" + thirdAt + " line 7 [every event] {\"Image\":\"cmd\",\"Nested\":{\"x\":[1,2]}}",
                "match " + file + " @" + thirdAt + " line 7 [cmd] {\"Image\":\"cmd\",\"Nested\":{\"x\":[1,2]}}"),
                out.lines);
    }

    @Test
    void plainTextLinesAreEventsWhoseKeywordsAreTheLine() throws IOException {
        Path file = write("app.log", "starting\r\nrunning CMD.exe /c whoami\r\n\r\nstopped \"ok\"\n");
        CompiledRuleSet rules = ruleSet(fields.build(), rule("keyword cmd", contains(EventView.KEYWORDS, "cmd")),
                rule("keyword ok", contains(EventView.KEYWORDS, "\"ok\"")));
        Recorder out = scan(rules, options(), file);
        assertEquals(List.of(
                "match " + file + " @10 line 2 [keyword cmd] {\"line\":\"running CMD.exe /c whoami\"}",
                "match " + file + " @39 line 4 [keyword ok] {\"line\":\"stopped \\\"ok\\\"\"}"), out.lines);
    }

    @Test
    void jsonKeywordsAreTheStringValuesOfTheEvent() throws IOException {
        Path file = write("events.json", "{\"CommandLine\":\"x\",\"cmd\":\"key only\"}\n{\"a\":{\"b\":\"run cmd\"}}\n");
        CompiledRuleSet rules = ruleSet(fields.build(), rule("keyword cmd", contains(EventView.KEYWORDS, "cmd")));
        Recorder out = scan(rules, options(), file);
        assertEquals(List.of("match " + file + " @37 line 2 [keyword cmd] {\"a\":{\"b\":\"run cmd\"}}"), out.lines);
    }

    @Test
    void recordsLongerThanTheMaximumAreSkippedAndReported() throws IOException {
        String longValue = "x".repeat(200);
        Path lines = write("lines.json", "{\"Image\":\"a\"}\n{\"Image\":\"" + longValue + "\"}\n{\"Image\":\"c\"}\n");
        Path text = write("text.log", "short\n" + longValue + "\nlast\n");
        Path pretty = write("pretty.json", "{\n \"Image\": \"a\"\n}\n{\n \"Image\": \"" + longValue
                + "\"\n}\n{\n \"Image\": \"c\"\n}\n");
        CompiledRuleSet rules = ruleSet(fields.build(), rule("every event", event -> true));
        Recorder out = scan(rules, options().withMaxRecordBytes(100), lines, text, pretty);
        String quote = "x".repeat(80 - 10);
        assertEquals(List.of(
                "match " + lines + " @0 line 1 [every event] {\"Image\":\"a\"}",
                "problem " + lines + ":2 (byte 14): too-long: record longer than 100 bytes (the maximum record size)"
                        + " skipped: {\"Image\":\"" + quote + "...",
                "match " + lines + " @227 line 3 [every event] {\"Image\":\"c\"}",
                "match " + text + " @0 line 1 [every event] {\"line\":\"short\"}",
                "problem " + text + ":2 (byte 6): too-long: line longer than 100 bytes (the maximum record size)"
                        + " skipped: " + "x".repeat(80) + "...",
                "match " + text + " @207 line 3 [every event] {\"line\":\"last\"}",
                "match " + pretty + " @0 line 1 [every event] {\"Image\":\"a\"}",
                "problem " + pretty + ":4 (byte 18): too-long: record longer than 100 bytes (the maximum record size)"
                        + " skipped: {",
                "match " + pretty + " @235 line 7 [every event] {\"Image\":\"c\"}"), out.lines);
    }

    @Test
    void theSummaryCountsInputsEventsMatchesAndProblems() throws IOException {
        Path a = write("a.json", "{\"Image\":\"cmd\"}\n{\"Image\":\"b\"}\nbroken\n");
        Path b = write("b.log", "one\ntwo\n");
        Recorder recorder = new Recorder();
        ScanSummary summary = new Scanner(everyEventAndCmd(), options())
                .scan(List.of(a, b, dir.resolve("missing")), recorder, recorder);
        assertEquals(2, summary.files());
        assertEquals(Files.size(a) + Files.size(b), summary.bytes());
        assertEquals(4, summary.events());
        assertEquals(5, summary.matches());
        assertEquals(2, summary.errors());
        assertArrayEquals(new long[] {4, 1}, summary.matchesPerRule());
    }

    @Test
    void anEvtxFileIsRecognisedByItsSignatureWhateverItsName() throws IOException {
        Path file = Files.write(dir.resolve("renamed.json"), "ElfFile\0rest".getBytes(StandardCharsets.ISO_8859_1));
        Recorder out = scan(everyEventAndCmd(), options(), file);
        assertEquals(List.of("problem " + file + " (byte 0): truncated-file: file of 12 bytes ends inside its header"),
                out.lines);
    }

    @Test
    void emptyFilesAreReadAsHavingNoEvents() throws IOException {
        Path empty = write("empty.json", "");
        Path blank = write("blank.json", " \n\n");
        Recorder recorder = new Recorder();
        ScanSummary summary = new Scanner(everyEventAndCmd(), options()).scan(List.of(empty, blank), recorder, recorder);
        assertEquals(List.of(), recorder.lines);
        assertEquals(2, summary.files());
        assertEquals(0, summary.events());
    }

    @Test
    void aRuleThatThrowsIsReportedAsInternalAndTheScanGoesOn() throws IOException {
        Path file = write("events.json", "{\"Image\":\"a\"}\n{\"Image\":\"boom\"}\n{\"Image\":\"cmd\"}\n");
        CompiledRuleSet rules = ruleSet(fields.build(), rule("explodes", event -> {
            if (Fixtures.text(event, image, 0).equals("boom")) {
                throw new IllegalStateException("bad rule");
            }
            return false;
        }), rule("cmd", contains(image, "cmd")));
        Recorder out = scan(rules, options(), file);
        assertEquals(List.of(
                "problem " + file + ":2 (byte 14): internal: evaluating the rules on this record failed:"
                        + " java.lang.IllegalStateException: bad rule",
                "match " + file + " @31 line 3 [cmd] {\"Image\":\"cmd\"}"), out.lines);
    }

    @Test
    void aByteRangeIsScannedWithOffsetsIntoTheBufferAndLinesFromItsStart() {
        String prefix = "garbage that is not scanned\n";
        String records = "{\"Image\":\"cmd\"}\nbroken\n{\"Image\":\"b\"}\n";
        byte[] bytes = (prefix + records + "{\"Image\":\"outside\"}\n").getBytes(StandardCharsets.UTF_8);
        Recorder out = new Recorder();
        ScanSummary summary = new Scanner(everyEventAndCmd(), options()).scan("split-7", new UnsafeBuffer(bytes),
                prefix.length(), records.length(), out, out);
        assertEquals(List.of(
                "match split-7 @28 line 1 [every event] {\"Image\":\"cmd\"}",
                "match split-7 @28 line 1 [cmd] {\"Image\":\"cmd\"}",
                "problem split-7:2 (byte 44): bad-json: expected '{' at the start of a record, at byte 0 of the"
                        + " record: broken",
                "match split-7 @51 line 3 [every event] {\"Image\":\"b\"}"), out.lines);
        assertEquals(records.length(), summary.bytes());
        assertEquals(2, summary.events());
    }
}
