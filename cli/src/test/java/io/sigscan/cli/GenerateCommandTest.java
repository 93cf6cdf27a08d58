package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @Test
    void writesTheSameFileForTheSameSeed(@TempDir Path directory) throws IOException {
        Path first = directory.resolve("a.jsonl");
        Path second = directory.resolve("b.jsonl");
        Cli.Result result = Cli.run("generate", "--events", "2000", "--seed", "4", "-o", first.toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith(String.format(Locale.ROOT, "generated 2,000 events (%,d bytes", Files.size(first)) + ", seed 4) in "),
                result.err());
        assertEquals(0, Cli.run("generate", "--events", "2000", "--seed", "4", "-o", second.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertEquals(2000, Files.readAllLines(first).size());
    }

    @Test
    void stopsAtTheSizeOrTheEventCountWhicheverComesFirst() {
        Cli.Result sized = Cli.run("generate", "--size", "64KB");
        assertEquals(0, sized.exitCode(), sized.err());
        long bytes = sized.out().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= 64_000 && bytes > 64_000 - 8_192, bytes + " bytes");
        Cli.Result both = Cli.run("generate", "--size", "64KB", "--events", "5");
        assertEquals(5, both.out().lines().count());
    }

    @Test
    void refusesBadSizesAndCounts(@TempDir Path directory) {
        Cli.Result size = Cli.run("generate", "--size", "10XB");
        assertEquals(2, size.exitCode());
        assertTrue(size.err().startsWith("sigscan generate: Invalid value for option '--size': '10XB' is not a size"),
                size.err());
        Cli.Result events = Cli.run("generate", "--events", "0");
        assertEquals(2, events.exitCode());
        assertTrue(events.err().startsWith("sigscan generate: --events must be at least 1, not 0\n"), events.err());
        Cli.Result output = Cli.run("generate", "--events", "3", "-o", directory.toString());
        assertEquals(2, output.exitCode());
        assertTrue(output.err().startsWith("sigscan generate: --output: " + directory + " is a directory"), output.err());
    }
}
