package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sigscan.cli.generate.ProcessEventGenerator;

class HuntCommandTest {
    @TempDir
    Path directory;

    private Path rule;
    private Path events;

    @BeforeEach
    void writeFixtures() throws IOException {
        rule = Fixtures.write(directory, "rules/node.yml", Fixtures.NODE_SHELL_RULE);
        events = Fixtures.write(directory, "logs/events.jsonl", Fixtures.lines(Fixtures.NEAR_MISS_LOOKALIKE_PARENT,
                Fixtures.MATCHING_EVENT, Fixtures.NEAR_MISS_RENAMED_CHILD));
    }

    private String expectedPrefix(Path file, long offset, long line) {
        return "{\"rule\":{\"id\":\"0d2f6f7e-6a55-4d7e-9a39-1c9d4f0b7a11\",\"title\":\"Node Spawns A Shell\","
                + "\"level\":\"high\",\"author\":\"sigscan tests\",\"tags\":[\"attack.execution\"]},"
                + "\"source\":{\"file\":\"" + file + "\",\"offset\":" + offset + ",\"line\":" + line + "},\"event\":{";
    }

    @Test
    void writesOneJsonLinePerMatchAndExitsOne() {
        Cli.Result result = Cli.run("hunt", "-q", "-r", rule.toString(), events.toString());
        assertEquals(1, result.exitCode(), result.toString());
        List<String> lines = result.out().lines().toList();
        assertEquals(1, lines.size(), result.toString());
        String match = lines.get(0);
        assertTrue(match.startsWith(expectedPrefix(events, Fixtures.NEAR_MISS_LOOKALIKE_PARENT.length() + 1, 2)), match);
        assertTrue(match.endsWith("}}"), match);
        assertTrue(match.contains("powershell -enc SQBFAFgA, more"), match);
        assertEquals("", result.err(), "quiet hunts print nothing else");
    }

    /** A back-reference runs on java.util.regex under a step budget; values that spend it are said, not hidden. */
    @Test
    void valuesThatSpendARegexStepBudgetAreReportedAfterTheScan() throws IOException {
        Path backtracking = Fixtures.write(directory, "rules/backtracking.yml", "title: Backtracking\n"
                + "logsource:\n    product: windows\n    category: process_creation\n"
                + "detection:\n    sel:\n        CommandLine|re: '(x+x+)+y|(x)\\2z'\n    condition: sel\n");
        String hostile = "x".repeat(100) + "z";
        Path log = Fixtures.write(directory, "logs/hostile.jsonl", "{\"EventID\":1,\"CommandLine\":\"" + hostile
                + "\"}\n{\"EventID\":1,\"CommandLine\":\"xxz\"}\n");
        Cli.Result result = Cli.run("hunt", "-q", "-r", backtracking.toString(), log.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(1, result.out().lines().count(), "the short value matches: " + result);
        assertEquals("sigscan: warning: 1 value spent the step budget of a regex RE2 cannot run (look-around or"
                + " back-reference) and counted as not matching\n", result.err());
    }

    @Test
    void winlogbeatDocumentsAreDetectedAndProfileSelectsOrOverridesTheShape() throws IOException {
        Path winlogbeat = Fixtures.write(directory, "logs/winlogbeat.jsonl", "{\"winlog\":{\"channel\":"
                + "\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":1},\"process\":{\"executable\":"
                + "\"C:\\\\Windows\\\\System32\\\\cmd.exe\",\"command_line\":\"cmd /c whoami\","
                + "\"parent\":{\"executable\":\"C:\\\\nodejs\\\\node.exe\"}}}\n");
        String path = winlogbeat.toString();
        assertEquals(1, Cli.run("hunt", "-q", "-r", rule.toString(), path).exitCode());
        assertEquals(1, Cli.run("hunt", "-q", "--profile", "auto", "-r", rule.toString(), path).exitCode());
        assertEquals(1, Cli.run("hunt", "-q", "--profile", "ECS", "-r", rule.toString(), path).exitCode());
        assertEquals(0, Cli.run("hunt", "-q", "--profile", "sigma", "-r", rule.toString(), path).exitCode());
        Cli.Result unknown = Cli.run("hunt", "--profile", "splunk", path);
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("sigscan hunt: --profile: unknown profile 'splunk'; expected auto, sigma"
                + " or ecs\n"), unknown.err());
    }

    @Test
    void exitsZeroWhenNothingMatches() throws IOException {
        Path quiet = Fixtures.write(directory, "logs/quiet.jsonl", Fixtures.lines(Fixtures.NEAR_MISS_RENAMED_CHILD));
        Cli.Result result = Cli.run("hunt", "-r", rule.toString(), quiet.toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertTrue(result.err().contains("matches: 0\n"), result.err());
    }

    @Test
    void exitsTwoWithOneLineOnUsageErrors() {
        Cli.Result unknown = Cli.run("hunt", "--bogus", events.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("sigscan hunt: Unknown option: '--bogus'\n"), unknown.err());
        assertTrue(unknown.err().endsWith("Try 'sigscan hunt --help' for usage.\n"), unknown.err());

        Cli.Result noInput = Cli.run("hunt", "-r", rule.toString());
        assertEquals(2, noInput.exitCode());
        assertTrue(noInput.err().startsWith("sigscan hunt: Missing required parameter: 'INPUT'"), noInput.err());

        Cli.Result badFormat = Cli.run("hunt", "-f", "xml", events.toString());
        assertEquals(2, badFormat.exitCode());

        Cli.Result noThreads = Cli.run("hunt", "-t", "0", events.toString());
        assertEquals(2, noThreads.exitCode());
        assertTrue(noThreads.err().startsWith("sigscan hunt: --threads must be at least 1, not 0\n"), noThreads.err());

        Cli.Result noDirectory = Cli.run("hunt", "-o", directory.resolve("missing/out.jsonl").toString(), events.toString());
        assertEquals(2, noDirectory.exitCode());
        assertTrue(noDirectory.err().startsWith("sigscan hunt: --output: directory " + directory.resolve("missing")
                + " does not exist\n"), noDirectory.err());

        Cli.Result noMapping = Cli.run("hunt", "--mapping", directory.resolve("nope.yml").toString(), events.toString());
        assertEquals(2, noMapping.exitCode());
    }

    @Test
    void reportsRejectedRulesWithLocationAndRunsTheOthers() throws IOException {
        Path broken = Fixtures.write(directory, "rules/broken.yml", Fixtures.BROKEN_RULE);
        Cli.Result result = Cli.run("hunt", "-q", "-r", rule.toString(), "-r", broken.toString(), events.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith(broken + ":9:"), result.err());
        assertTrue(result.err().contains(": error: "), result.err());
        assertEquals(1, result.out().lines().count());
    }

    @Test
    void strictRefusesToScanWhenARuleIsRejected() throws IOException {
        Path broken = Fixtures.write(directory, "rules/broken.yml", Fixtures.BROKEN_RULE);
        Path output = directory.resolve("out.jsonl");
        Files.writeString(output, "previous run\n");
        Cli.Result result = Cli.run("hunt", "--strict", "-r", rule.toString(), "-r", broken.toString(),
                "-o", output.toString(), events.toString());
        assertEquals(3, result.exitCode(), result.toString());
        assertTrue(result.err().endsWith("sigscan: 1 rule error; not scanning because of --strict\n"), result.err());
        assertEquals("previous run\n", Files.readString(output), "a refused run leaves the old output alone");
    }

    @Test
    void exitsThreeWhenNoRuleCanBeLoaded() throws IOException {
        Path broken = Fixtures.write(directory, "rules/broken.yml", Fixtures.BROKEN_RULE);
        Cli.Result result = Cli.run("hunt", "-r", broken.toString(), events.toString());
        assertEquals(3, result.exitCode(), result.toString());
        assertTrue(result.err().endsWith("sigscan: no rule could be loaded; nothing to scan for\n"), result.err());
    }

    @Test
    void reportsABrokenJsonLineWithFileAndLineAndExitsFour() throws IOException {
        String broken = "{\"EventID\":1,\"Image\":\"unterminated";
        Path mixed = Fixtures.write(directory, "logs/mixed.jsonl",
                Fixtures.lines(Fixtures.MATCHING_EVENT, broken, Fixtures.MATCHING_EVENT));
        Cli.Result result = Cli.run("hunt", "-r", rule.toString(), mixed.toString());
        assertEquals(4, result.exitCode(), result.toString());
        assertEquals(2, result.out().lines().count(), "the lines around the broken one still match");
        String location = mixed + ":2 (byte " + (Fixtures.MATCHING_EVENT.length() + 1) + "): ";
        assertTrue(result.err().startsWith(location), result.err());
        assertTrue(result.err().contains("\ninput errors: 1\n  " + location), result.err());
    }

    @Test
    void missingInputIsAnInputError() {
        Cli.Result result = Cli.run("hunt", "-q", "-r", rule.toString(), directory.resolve("nope.jsonl").toString(),
                events.toString());
        assertEquals(4, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith(directory.resolve("nope.jsonl").toString()), result.err());
        assertEquals(1, result.out().lines().count());
    }

    @Test
    void writesCsvWithHeaderAndQuotedEvent() {
        Cli.Result result = Cli.run("hunt", "-q", "-f", "csv", "-r", rule.toString(), events.toString());
        assertEquals(1, result.exitCode(), result.toString());
        String[] rows = result.out().split("\r\n");
        assertEquals("rule_id,title,level,author,file,offset,line,event", rows[0]);
        assertTrue(rows[1].startsWith("0d2f6f7e-6a55-4d7e-9a39-1c9d4f0b7a11,Node Spawns A Shell,high,sigscan tests,"
                + events + "," + (Fixtures.NEAR_MISS_LOOKALIKE_PARENT.length() + 1) + ",2,\"{\"\""), rows[1]);
        assertTrue(rows[1].endsWith("}\""), rows[1]);
        assertEquals(2, rows.length);
    }

    @Test
    void writesTheOutputFileAtomicallyAndNothingToStdout() throws IOException {
        Path output = directory.resolve("out/matches.jsonl");
        Files.createDirectories(output.getParent());
        Cli.Result result = Cli.run("hunt", "-q", "-r", rule.toString(), "-o", output.toString(), events.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("", result.out());
        String written = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(written.startsWith(expectedPrefix(events, Fixtures.NEAR_MISS_LOOKALIKE_PARENT.length() + 1, 2)), written);
        assertTrue(written.endsWith("}}\n"), written);
        try (Stream<Path> files = Files.list(output.getParent())) {
            assertEquals(List.of(output), files.toList(), "no temporary file is left beside the output");
        }
    }

    @Test
    void writesStatisticsWithEveryKey() throws IOException {
        Path stats = directory.resolve("stats.json");
        Cli.Result result = Cli.run("hunt", "-q", "-r", rule.toString(), "--stats", stats.toString(), events.toString());
        assertEquals(1, result.exitCode(), result.toString());
        String json = Files.readString(stats);
        for (String key : List.of("files", "bytes", "events", "matches", "errors", "rulesLoaded", "rulesRejected",
                "seconds", "matchesPerRule")) {
            assertTrue(json.contains("\"" + key + "\": "), key + " in " + json);
        }
        assertTrue(json.contains("\"files\": 1,\n  \"bytes\": " + Files.size(events) + ",\n  \"events\": 3,\n"
                + "  \"matches\": 1,\n  \"errors\": 0,\n  \"rulesLoaded\": 1,\n  \"rulesRejected\": 0,\n"), json);
        assertTrue(json.contains("{\"id\": \"0d2f6f7e-6a55-4d7e-9a39-1c9d4f0b7a11\", \"title\": \"Node Spawns A Shell\","
                + " \"matches\": 1}"), json);
    }

    @Test
    void printsASummaryWithThroughputAndMatchesPerRule() throws IOException {
        Cli.Result result = Cli.run("hunt", "-t", "1", "-r", rule.toString(), events.toString());
        assertTrue(result.err().startsWith("scanned 1 file, " + Files.size(events) + " bytes, 3 events in "), result.err());
        assertTrue(result.err().contains(" MB/s, "), result.err());
        assertTrue(result.err().contains("(1 thread)\nrules: 1 loaded, 0 rejected, "), result.err());
        assertTrue(result.err().contains("matches: 1\n           1  high          Node Spawns A Shell\n"), result.err());
    }

    @Test
    void outputIsByteIdenticalForOneAndTwoThreads() throws IOException {
        Path sample = Files.createDirectories(directory.resolve("sample"));
        ProcessEventGenerator.writeSample(sample, 30_000, 5);
        Cli.Result one = Cli.run("hunt", "-q", "-t", "1", sample.toString());
        Cli.Result two = Cli.run("hunt", "-q", "-t", "2", sample.toString());
        assertEquals(1, one.exitCode(), one.toString());
        assertTrue(one.out().lines().count() >= 6, one.out());
        assertEquals(one.out(), two.out());
    }

    @Test
    void tableFormatShowsAlignedFindings() {
        Cli.Result result = Cli.run("hunt", "-q", "-f", "TABLE", "-r", rule.toString(), events.toString());
        assertEquals(1, result.exitCode(), result.toString());
        List<String> rows = result.out().lines().toList();
        assertTrue(rows.get(0).startsWith("LEVEL    RULE "), rows.get(0));
        assertTrue(rows.get(1).startsWith("high     Node Spawns A Shell"), rows.get(1));
        assertTrue(rows.get(1).contains(" events.jsonl:2 "), rows.get(1));
        assertTrue(rows.get(1).endsWith("node.exe > powershell.exe  powershell -enc SQBFAFgA, more"), rows.get(1));
        assertFalse(result.out().contains("mynode"));
    }
}
