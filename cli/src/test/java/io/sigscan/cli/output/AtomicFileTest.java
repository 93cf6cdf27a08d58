package io.sigscan.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path directory;

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(Path::getFileName).sorted().toList();
        }
    }

    @Test
    void commitReplacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = directory.resolve("out.jsonl");
        Files.writeString(target, "old");
        try (AtomicFile file = AtomicFile.create(target)) {
            file.writer().write("new content\n");
            assertEquals("old", Files.readString(target));
            file.commit();
        }
        assertEquals("new content\n", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of(Path.of("out.jsonl")), entries());
    }

    @Test
    void closingWithoutCommitKeepsTheOldTargetAndDeletesTheTemporaryFile() throws IOException {
        Path target = directory.resolve("out.jsonl");
        Files.writeString(target, "old");
        try (AtomicFile file = AtomicFile.create(target)) {
            file.writer().write("half of a resu");
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(Path.of("out.jsonl")), entries());
    }

    @Test
    void failsUpFrontWhenTheDirectoryDoesNotExist() {
        assertThrows(IOException.class, () -> AtomicFile.create(directory.resolve("missing/out.jsonl")));
    }
}
