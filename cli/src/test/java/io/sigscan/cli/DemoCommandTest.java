package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void findsBothMissionRulesAndNoNearMiss(@TempDir Path keep) throws IOException {
        Cli.Result result = Cli.run("demo", "--events", "3000", "-t", "2", "--keep", keep.toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("Suspicious Node.js Child Process - P"), result.out());
        assertTrue(result.out().contains("NPM Install Spawning Shell"), result.out());
        assertTrue(result.out().contains("CertUtil Used To Download A File"), result.out());
        assertFalse(result.out().contains("mynode.exe"), result.out());
        assertFalse(result.out().contains("powershell.exe.bak"), result.out());
        assertTrue(result.err().startsWith("generated 3,000 events ("), result.err());
        assertTrue(result.err().contains(" MB/s, "), result.err());
        try (Stream<Path> files = Files.list(keep)) {
            assertEquals(3, files.count(), "--keep keeps the sample");
        }
    }

    @Test
    void deletesItsTemporarySampleAndRefusesTinySamples() {
        Cli.Result tiny = Cli.run("demo", "--events", "3");
        assertEquals(2, tiny.exitCode(), tiny.toString());
        assertTrue(tiny.err().startsWith("sigscan demo: --events must be at least 9, not 3\n"), tiny.err());
        Cli.Result result = Cli.run("demo", "--events", "500");
        assertEquals(0, result.exitCode(), result.toString());
        String line = result.err().lines().findFirst().orElseThrow();
        Path sample = Path.of(line.substring(line.indexOf(" in ") + 4, line.lastIndexOf(" in ")));
        assertFalse(Files.exists(sample), sample + " is deleted");
    }

    @Test
    void showsAtMostTwentyFindingsAndCountsTheRest() {
        Cli.Result result = Cli.run("demo", "--events", "2000", "--seed", "9");
        List<String> rows = result.out().lines().toList();
        assertTrue(rows.size() <= DemoCommand.SHOWN_FINDINGS + 2, result.out());
    }
}
