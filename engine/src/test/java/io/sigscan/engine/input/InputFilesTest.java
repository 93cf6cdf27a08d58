package io.sigscan.engine.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sigscan.engine.Fixtures;
import io.sigscan.engine.Recorder;
import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.Scanner;
import io.sigscan.rules.event.FieldTable;

class InputFilesTest {

    @TempDir
    Path dir;

    private static List<String> describe(List<InputEntry> entries) {
        List<String> lines = new ArrayList<>();
        for (InputEntry entry : entries) {
            lines.add(entry.problem() == null ? "file " + entry.name() : "problem " + entry.problem());
        }
        return lines;
    }

    @Test
    void directoriesAreWalkedDepthFirstInNameOrderAfterTheArgumentsBeforeThem() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createDirectories(tree.resolve("b/inner"));
        Files.writeString(tree.resolve("c.json"), "{}");
        Files.writeString(tree.resolve("a.json"), "{}");
        Files.writeString(tree.resolve("b/inner/z.log"), "x");
        Files.writeString(tree.resolve("b/y.log"), "x");
        Path single = Files.writeString(dir.resolve("single.json"), "{}");
        assertEquals(List.of(
                "file " + single,
                "file " + tree.resolve("a.json"),
                "file " + tree.resolve("b/inner/z.log"),
                "file " + tree.resolve("b/y.log"),
                "file " + tree.resolve("c.json")), describe(InputFiles.expand(List.of(single, tree))));
    }

    @Test
    void missingBrokenLoopingAndSpecialPathsBecomeProblemsInTheirPlace() throws IOException, InterruptedException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("a.json"), "{}");
        Files.createSymbolicLink(tree.resolve("back-up"), tree);
        Files.createSymbolicLink(tree.resolve("dangling"), tree.resolve("nowhere"));
        Files.createSymbolicLink(tree.resolve("ping"), tree.resolve("pong"));
        Files.createSymbolicLink(tree.resolve("pong"), tree.resolve("ping"));
        Files.createSymbolicLink(tree.resolve("same-file"), tree.resolve("a.json"));
        boolean fifo = new ProcessBuilder("mkfifo", tree.resolve("fifo").toString()).start().waitFor() == 0;
        Path missing = dir.resolve("missing.json");
        List<String> expected = new ArrayList<>(List.of(
                "problem " + missing + ": unreadable: no such file or directory",
                "file " + tree.resolve("a.json"),
                "problem " + tree.resolve("back-up") + ": symlink-loop: symbolic link loop: leads back to a directory"
                        + " that encloses it",
                "problem " + tree.resolve("dangling") + ": unreadable: broken symbolic link: no such file or directory"));
        if (fifo) {
            expected.add("problem " + tree.resolve("fifo") + ": unreadable: not a regular file or directory");
        }
        expected.addAll(List.of(
                "problem " + tree.resolve("ping") + ": symlink-loop: symbolic link loop",
                "problem " + tree.resolve("pong") + ": symlink-loop: symbolic link loop",
                "file " + tree.resolve("same-file")));
        assertEquals(expected, describe(InputFiles.expand(List.of(missing, tree))));
    }

    @Test
    void aFileThatCannotBeOpenedIsReportedAndTheScanGoesOn() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root can read any file");
        Path locked = Files.writeString(dir.resolve("locked.json"), "{\"a\":\"b\"}\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Path open = Files.writeString(dir.resolve("open.json"), "{\"a\":\"b\"}\n");
        Recorder out = new Recorder();
        new Scanner(Fixtures.ruleSet(FieldTable.builder().build(), Fixtures.rule("all", event -> true)),
                ScanOptions.defaults()).scan(List.of(locked, open), out, out);
        assertEquals(List.of("problem " + locked + ": unreadable: permission denied",
                "match " + open + " @0 line 1 [all] {\"a\":\"b\"}"), out.lines);
    }

    @Test
    void aScanReportsUnreadableInputsInOrderAndReadsTheRest() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("a.json"), "{\"a\":\"b\"}\n");
        Files.createSymbolicLink(tree.resolve("b-loop"), tree);
        Files.writeString(tree.resolve("c.log"), "hello\n");
        Recorder out = new Recorder();
        new Scanner(Fixtures.ruleSet(FieldTable.builder().build(), Fixtures.rule("all", event -> true)),
                ScanOptions.defaults()).scan(List.of(tree, dir.resolve("gone")), out, out);
        assertEquals(List.of(
                "match " + tree.resolve("a.json") + " @0 line 1 [all] {\"a\":\"b\"}",
                "problem " + tree.resolve("b-loop") + ": symlink-loop: symbolic link loop: leads back to a directory"
                        + " that encloses it",
                "match " + tree.resolve("c.log") + " @0 line 1 [all] {\"line\":\"hello\"}",
                "problem " + dir.resolve("gone") + ": unreadable: no such file or directory"), out.lines);
    }
}
