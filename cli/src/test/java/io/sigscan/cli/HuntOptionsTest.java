package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule selection, the event-time window, configuration files and the HTML report, through the command. */
class HuntOptionsTest {
    private static final String LOW_RULE = """
            title: Whoami Run
            id: 6e1b9c1a-1111-4d7e-9a39-1c9d4f0b7a22
            status: experimental
            level: low
            tags:
              - attack.discovery
            logsource:
              category: process_creation
              product: windows
            detection:
              selection:
                Image|endswith: '\\\\whoami.exe'
              condition: selection
            """;
    private static final String WHOAMI_EVENT = "{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
            + "\"UtcTime\":\"2024-05-02 10:00:00.000\",\"Computer\":\"WS-2\","
            + "\"Image\":\"C:\\\\Windows\\\\System32\\\\whoami.exe\"}";
    private static final String EARLY_SHELL = Fixtures.MATCHING_EVENT.replace("{\"EventID\":1,",
            "{\"EventID\":1,\"UtcTime\":\"2024-05-01 08:30:00.000\",\"Computer\":\"WS-1\",");
    private static final String LATE_SHELL = Fixtures.MATCHING_EVENT.replace("{\"EventID\":1,",
            "{\"EventID\":1,\"@timestamp\":\"2024-05-03T00:00:00Z\",\"host\":{\"name\":\"WS-1\"},");

    @TempDir
    Path directory;

    private Path rules;
    private Path events;

    @BeforeEach
    void writeFixtures() throws IOException {
        Fixtures.write(directory, "rules/node.yml", Fixtures.NODE_SHELL_RULE);
        Fixtures.write(directory, "rules/whoami.yml", LOW_RULE);
        rules = directory.resolve("rules");
        events = Fixtures.write(directory, "logs/events.jsonl", Fixtures.lines(EARLY_SHELL, WHOAMI_EVENT,
                Fixtures.NEAR_MISS_RENAMED_CHILD, LATE_SHELL, Fixtures.MATCHING_EVENT));
    }

    private Cli.Result hunt(String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "hunt";
        args[1] = "-q";
        args[2] = "-r";
        args[3] = rules.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        args[args.length - 1] = events.toString();
        return Cli.run(args);
    }

    private static long count(Cli.Result result, String text) {
        return result.out().lines().filter(line -> line.contains(text)).count();
    }

    @Test
    void rulesAreSelectedByLevelStatusTagAndName() {
        Cli.Result all = hunt();
        assertEquals(3, count(all, "Node Spawns A Shell"), all.toString());
        assertEquals(1, count(all, "Whoami Run"), all.toString());

        Cli.Result high = hunt("--min-level", "medium");
        assertEquals(0, count(high, "Whoami Run"), high.toString());
        assertEquals(3, count(high, "Node Spawns A Shell"), high.toString());

        Cli.Result experimental = hunt("--status", "test,experimental");
        assertEquals(0, count(experimental, "Node Spawns A Shell"), "a rule without a status is not experimental");
        assertEquals(1, count(experimental, "Whoami Run"), experimental.toString());

        Cli.Result discovery = hunt("--tags", "attack.disc*");
        assertEquals(1, discovery.out().lines().count(), discovery.toString());
        assertEquals(1, count(discovery, "Whoami Run"), discovery.toString());

        Cli.Result byFile = hunt("--include-rule", "node.yml");
        assertEquals(3, byFile.out().lines().count(), byFile.toString());
        Cli.Result byId = hunt("--exclude-rule", "0D2F6F7E-*");
        assertEquals(1, byId.out().lines().count(), byId.toString());
        assertEquals(1, count(byId, "Whoami Run"), byId.toString());
    }

    @Test
    void selectingNoRuleOrAnUnknownLevelIsRefused() {
        Cli.Result none = hunt("--include-rule", "nothing-by-this-name");
        assertEquals(3, none.exitCode(), none.toString());
        assertEquals("sigscan: none of the rules loaded is selected; nothing to scan for\n", none.err());
        Cli.Result level = hunt("--min-level", "severe");
        assertEquals(2, level.exitCode(), level.toString());
        assertTrue(level.err().startsWith("sigscan hunt: unknown level 'severe'; expected one of informational, low,"
                + " medium, high, critical\n"), level.err());
    }

    @Test
    void eventTimeWindowKeepsMatchesWithinItAndThoseWithoutATime() {
        Cli.Result window = Cli.run("hunt", "-r", rules.toString(), "--from", "2024-05-01T09:00:00Z", "--to",
                "2024-05-03", events.toString());
        assertEquals(1, window.exitCode(), window.toString());
        assertEquals(2, window.out().lines().count(), window.toString());
        assertEquals(1, count(window, "Whoami Run"), "2024-05-02 10:00 is inside");
        assertEquals(0, count(window, "WS-1"), "08:30 on the first is before, midnight on the third is the end");
        assertTrue(window.err().contains("matches: 2\n"), "counts are those of the matches kept: " + window.err());
        assertTrue(window.err().contains("1 matches kept without a readable event time (--from/--to)"), window.err());

        Cli.Result bad = hunt("--from", "yesterday");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("sigscan hunt: --from: 'yesterday' is not a time"), bad.err());
    }

    @Test
    void configFileGivesOptionsAndInputsAndTheCommandLineWins() throws IOException {
        Path config = Fixtures.write(directory, "nightly.yml", """
                rules: [%s]
                min-level: medium
                quiet: true
                inputs:
                  - %s
                """.formatted(rules, events));
        Cli.Result fromFile = Cli.run("hunt", "--config", config.toString());
        assertEquals(1, fromFile.exitCode(), fromFile.toString());
        assertEquals(3, fromFile.out().lines().count(), fromFile.toString());
        assertEquals("", fromFile.err(), "quiet came from the file");

        Cli.Result overridden = Cli.run("hunt", "--config", config.toString(), "--min-level", "low");
        assertEquals(4, overridden.out().lines().count(), overridden.toString());

        Path unknown = Fixtures.write(directory, "bad.yml", "min-levle: high\n");
        Cli.Result refused = Cli.run("hunt", "--config", unknown.toString(), events.toString());
        assertEquals(2, refused.exitCode(), refused.toString());
        assertTrue(refused.err().startsWith("sigscan hunt: --config " + unknown + ": unknown option 'min-levle'"),
                refused.err());

        Path objects = Fixtures.write(directory, "tag.yml", "rules: !!javax.script.ScriptEngineManager [x]\n");
        Cli.Result unsafe = Cli.run("hunt", "--config", objects.toString(), events.toString());
        assertEquals(2, unsafe.exitCode(), unsafe.toString());
        assertTrue(unsafe.err().contains("not valid YAML"), unsafe.err());
    }

    @Test
    void reportIsOneSelfContainedPageWithTimelineRulesAndHosts() throws IOException {
        Path report = directory.resolve("report.html");
        Cli.Result result = hunt("--report", report.toString());
        assertEquals(1, result.exitCode(), result.toString());
        String page = Files.readString(report);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertEquals(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").indexOf("http"), -1,
                "no address but the SVG namespace: " + page);
        assertFalse(page.contains("<script") || page.contains("<link") || page.contains("src="), "nothing fetched");
        assertTrue(page.contains("<title>2024-05-01 08:00: 1</title>"), page);
        assertTrue(page.contains("<td>Node Spawns A Shell</td><td class=\"n\">3</td>"), page);
        assertTrue(page.contains("<td>WS-1</td><td class=\"n\">2</td>"), "Computer and host.name: " + page);
        assertTrue(page.contains("1 matches without a readable event time."), page);
    }

    @Test
    void noProgressBarWhenStandardErrorIsNotATerminal() {
        Cli.Result result = Cli.run("hunt", "-r", rules.toString(), events.toString());
        assertFalse(result.err().contains("\r"), result.err());
        assertFalse(result.err().contains("ETA"), result.err());
    }
}
