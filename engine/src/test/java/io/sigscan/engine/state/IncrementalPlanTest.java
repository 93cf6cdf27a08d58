package io.sigscan.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sigscan.engine.ScanInput;

class IncrementalPlanTest {
    @TempDir
    Path dir;

    /** Plans a run and pretends it read every input to its end (these inputs end on a line break). */
    private ScanState run(ScanState previous, List<String> planned) throws IOException {
        IncrementalPlan plan = IncrementalPlan.of(previous, List.of(dir));
        assertEquals(planned, plan.inputs().stream()
                .map(input -> dir.relativize(input.path()) + " " + input.start() + ".." + input.end()
                        + " after " + input.lineBreaks())
                .toList());
        for (ScanInput input : plan.inputs()) {
            long lines = Files.readString(input.path()).chars().filter(c -> c == '\n').count();
            plan.onInputEnd(input, input.end(), lines);
        }
        return plan.next();
    }

    private Path append(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    @Test
    void newFilesAreReadWholeAndGrownFilesFromWhereTheLastRunStopped() throws IOException {
        append("a.log", "one\ntwo\n");
        ScanState first = run(ScanState.EMPTY, List.of("a.log 0..8 after 0"));
        append("a.log", "three\n");
        append("b.log", "bee\n");
        ScanState second = run(first, List.of("a.log 8..14 after 2", "b.log 0..4 after 0"));
        run(second, List.of("a.log 14..14 after 3", "b.log 4..4 after 1"));
    }

    @Test
    void aRotatedFileIsKnownByItsIdentityAndItsReplacementIsNew() throws IOException {
        append("a.log", "one\ntwo\n");
        ScanState first = run(ScanState.EMPTY, List.of("a.log 0..8 after 0"));
        append("a.log", "three\n");
        Files.move(dir.resolve("a.log"), dir.resolve("a.log.1"));
        append("a.log", "fresh\n");
        run(first, List.of("a.log 0..6 after 0", "a.log.1 8..14 after 2"));
    }

    @Test
    void aTruncatedFileIsReadFromItsStart() throws IOException {
        append("a.log", "one\ntwo\n");
        ScanState first = run(ScanState.EMPTY, List.of("a.log 0..8 after 0"));
        Files.writeString(dir.resolve("a.log"), "new\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        run(first, List.of("a.log 0..4 after 0"));
    }

    @Test
    void aFileRewrittenInPlaceIsReadFromItsStart() throws IOException {
        append("a.log", "one\ntwo\n");
        ScanState first = run(ScanState.EMPTY, List.of("a.log 0..8 after 0"));
        Files.writeString(dir.resolve("a.log"), "ONE\ntwo\nthree\n", StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);
        run(first, List.of("a.log 0..14 after 0"));
    }

    @Test
    void filesThatAreGoneDropOutOfTheState() throws IOException {
        append("a.log", "one\n");
        append("b.log", "bee\n");
        ScanState first = run(ScanState.EMPTY, List.of("a.log 0..4 after 0", "b.log 0..4 after 0"));
        Files.delete(dir.resolve("a.log"));
        ScanState second = run(first, List.of("b.log 4..4 after 1"));
        assertEquals(List.of("b.log"), second.files().stream().map(file -> Path.of(file.name()).getFileName().toString())
                .toList());
    }

    @Test
    void pathsThatCannotBeReadAreReportedInTheirPlaceAsAWholeScanReportsThem() throws IOException {
        Files.createSymbolicLink(dir.resolve("broken"), dir.resolve("nowhere"));
        List<ScanInput> inputs = IncrementalPlan.of(ScanState.EMPTY, List.of(dir)).inputs();
        assertEquals(1, inputs.size());
        assertEquals(dir.resolve("broken") + ": unreadable: broken symbolic link: no such file or directory",
                inputs.get(0).problem().toString());
    }

    @Test
    void aFileTheScanDidNotFinishKeepsItsPreviousEntry() throws IOException {
        append("a.log", "one\n");
        ScanState first = run(ScanState.EMPTY, List.of("a.log 0..4 after 0"));
        append("a.log", "two\n");
        IncrementalPlan plan = IncrementalPlan.of(first, List.of(dir));
        assertEquals(first, plan.next(), "no input end reported: the state stays as it was");
    }
}
