package io.sigscan.cli.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessEventGeneratorTest {

    private static List<String> lines(long seed, long events) {
        ProcessEventGenerator generator = new ProcessEventGenerator(seed, events);
        List<String> lines = new ArrayList<>();
        while (generator.hasNext()) {
            lines.add(generator.next().json());
        }
        return lines;
    }

    @Test
    void sameSeedGivesTheSameFilesByteForByte(@TempDir Path first, @TempDir Path second) throws IOException {
        List<Path> a = ProcessEventGenerator.writeSample(first, 5_000, 42);
        List<Path> b = ProcessEventGenerator.writeSample(second, 5_000, 42);
        assertEquals(3, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).getFileName(), b.get(i).getFileName());
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
        }
        long lines = 0;
        for (Path file : a) {
            lines += Files.readAllLines(file).size();
        }
        assertEquals(5_000, lines);
    }

    @Test
    void differentSeedsGiveDifferentSamples() {
        assertFalse(lines(1, 200).equals(lines(2, 200)));
    }

    @Test
    void everySampleTellsTheWholeStoryEvenWhenTiny() {
        for (long events : new long[] {ProcessEventGenerator.STORY_EVENTS, 50, 10_000}) {
            String all = String.join("\n", lines(7, events));
            assertTrue(all.contains("\"ParentImage\":\"C:\\\\Program Files\\\\nodejs\\\\npm.cmd\",\"ParentCommandLine\""),
                    "npm.cmd parent in " + events);
            assertTrue(all.contains("-enc SQBFAFgA"), "encoded PowerShell in " + events);
            assertTrue(all.contains("\"ParentProcessName\":\"C:\\\\Program Files\\\\nodejs\\\\node.exe\""),
                    "node.exe parent in 4688 in " + events);
            assertTrue(all.contains("C:\\\\tools\\\\mynode.exe"), "look-alike parent in " + events);
            assertTrue(all.contains("powershell.exe.bak"), "renamed child in " + events);
        }
    }

    @Test
    void producesEveryShapeWithItsOwnFieldNames() {
        ProcessEventGenerator generator = new ProcessEventGenerator(3, 2_000);
        Set<EventShape> seen = EnumSet.noneOf(EventShape.class);
        while (generator.hasNext()) {
            ProcessEventGenerator.GeneratedEvent event = generator.next();
            seen.add(event.shape());
            String json = event.json();
            assertTrue(json.startsWith("{") && json.endsWith("}") && !json.contains("\n"), json);
            switch (event.shape()) {
                case SYSMON_FLAT -> assertTrue(json.startsWith("{\"EventTime\":") && json.contains("\"EventID\":1,")
                        && json.contains("\"Image\":") && json.contains("\"Hashes\":\"SHA256="), json);
                case SECURITY_4688 -> assertTrue(json.contains("\"EventID\":4688,") && json.contains("\"NewProcessName\":")
                        && json.contains("\"SubjectUserName\":"), json);
                case SYSMON_NESTED -> assertTrue(json.startsWith("{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":")
                        && json.contains("},\"EventData\":{\"RuleName\":"), json);
            }
        }
        assertEquals(EnumSet.allOf(EventShape.class), seen);
    }

    @Test
    void benignNoiseNeverHasNodeOrNpmSpawningAShell() {
        for (String line : lines(11, 20_000)) {
            boolean shellChild = line.contains("\\\\powershell.exe\",") || line.contains("\\\\cmd.exe\",\"Description")
                    || line.contains("\"NewProcessName\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\"");
            boolean nodeParent = line.contains("\\\\nodejs\\\\node.exe\",\"ParentCommandLine\"")
                    || line.contains("\\\\nodejs\\\\npm.cmd\",\"ParentCommandLine\"");
            if (shellChild && nodeParent) {
                assertTrue(line.contains("DEV-WS-017") || line.contains("BUILD-03"), line);
            }
        }
    }

    @Test
    void refusesSamplesTooSmallForTheStory() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ProcessEventGenerator(1, ProcessEventGenerator.STORY_EVENTS - 1));
        assertEquals("a sample needs at least 9 events, not 8", error.getMessage());
    }
}
