package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hunt} with correlation rules and meta filters among the rule files. */
class HuntCorrelationTest {
    private static final String FAILED_LOGIN = "title: Failed logon\nid: 53ba33fd-3a50-4468-a5ef-c583635cfa92\n"
            + "name: failed_login\nlogsource:\n    product: windows\n    service: security\ndetection:\n"
            + "    selection:\n        EventID: 4625\n    condition: selection\n";
    private static final String BRUTE_FORCE = "title: Brute force\nid: 0e95725d-7320-415d-80f7-004da920fc11\n"
            + "level: high\nauthor: sigscan tests\ncorrelation:\n    type: event_count\n    rules:\n"
            + "        - failed_login\n    group-by:\n        - TargetUserName\n    timespan: 1m\n    condition:\n"
            + "        gte: 3\n";

    @TempDir
    Path directory;

    private Path rules;
    private Path events;

    private static String logon(int second, String user) {
        return "{\"Channel\":\"Security\",\"EventID\":4625,\"TargetUserName\":\"" + user
                + "\",\"TimeCreated\":\"" + Instant.parse("2026-01-05T10:00:00Z").plusSeconds(second) + "\"}";
    }

    @BeforeEach
    void writeFixtures() throws IOException {
        rules = Fixtures.write(directory, "rules/brute_force.yml", FAILED_LOGIN + "---\n" + BRUTE_FORCE);
        events = Fixtures.write(directory, "logs/logons.jsonl", Fixtures.lines(logon(0, "bob"), logon(10, "eve"),
                logon(20, "bob"), logon(59, "eve"), logon(40, "bob")));
    }

    @Test
    void writesOneAlertLineAndHidesTheBaseMatches() {
        Cli.Result result = Cli.run("hunt", "-r", rules.toString(), events.toString());
        assertEquals(1, result.exitCode(), result.toString());
        List<String> lines = result.out().lines().toList();
        long lastOffset = (logon(0, "bob") + logon(10, "eve") + logon(20, "bob") + logon(59, "eve")).length() + 4;
        assertEquals(List.of("{\"rule\":{\"id\":\"0e95725d-7320-415d-80f7-004da920fc11\",\"title\":\"Brute force\","
                + "\"level\":\"high\",\"author\":\"sigscan tests\",\"tags\":[]},\"correlation\":{\"type\":\"event_count\","
                + "\"timespan\":\"1m\",\"group\":{\"TargetUserName\":\"bob\"},\"window\":{\"start\":"
                + "\"2026-01-05T10:00:00Z\",\"end\":\"2026-01-05T10:00:40Z\"},\"value\":3,\"eventCount\":3,\"events\":["
                + "{\"file\":\"" + events + "\",\"offset\":0},{\"file\":\"" + events + "\",\"offset\":"
                + (logon(0, "bob").length() + logon(10, "eve").length() + 2) + "},{\"file\":\"" + events
                + "\",\"offset\":" + lastOffset + "}]}}"), lines);
        assertTrue(result.err().contains("matches: 5\ncorrelation alerts: 1 (1 written); 5 matches only fed "
                + "correlations\n           1  high          Brute force\n"), result.err());
    }

    @Test
    void generateTrueWritesTheBaseMatchesToo() throws IOException {
        Files.writeString(rules, FAILED_LOGIN + "---\n" + BRUTE_FORCE + "    generate: true\n");
        Cli.Result result = Cli.run("hunt", "-q", "-r", rules.toString(), events.toString());
        List<String> lines = result.out().lines().toList();
        assertEquals(6, lines.size(), result.toString());
        assertTrue(lines.get(5).contains("\"correlation\":{"), lines.get(5));
        assertTrue(lines.get(4).contains("\"source\":{"), "alerts follow the matches");
    }

    @Test
    void statsCountAlertsAndNothingMatchingExitsZero() throws IOException {
        Files.writeString(events, Fixtures.lines(logon(0, "bob"), logon(30, "eve")));
        Path stats = directory.resolve("stats.json");
        Cli.Result result = Cli.run("hunt", "-q", "--stats", stats.toString(), "-r", rules.toString(),
                events.toString());
        assertEquals(0, result.exitCode(), "hidden base matches are no findings: " + result);
        String json = Files.readString(stats);
        assertTrue(json.contains("\"matches\": 2,"), json);
        assertTrue(json.contains("\"correlationAlerts\": 0,\n  \"correlationAlertsWritten\": 0,\n"
                + "  \"matchesOnlyCorrelated\": 2,\n  \"matchesWithoutTime\": 0,\n  \"matchesTooLate\": 0,\n"
                + "  \"windowEntriesDropped\": 0,\n  \"alertsPerCorrelation\": []\n}\n"), json);
    }

    @Test
    void timeFieldOptionChoosesWhereEventTimeIsRead() throws IOException {
        Files.writeString(events, Fixtures.lines(logon(0, "bob"), logon(1, "bob"), logon(2, "bob"))
                .replace("TimeCreated", "When"));
        Cli.Result untimed = Cli.run("hunt", "-r", rules.toString(), events.toString());
        assertEquals("", untimed.out());
        assertTrue(untimed.err().contains("not correlated: 3 matches without a readable event time"), untimed.err());
        Cli.Result timed = Cli.run("hunt", "-q", "--time-field", "When", "-r", rules.toString(), events.toString());
        assertEquals(1, timed.out().lines().count(), timed.toString());
    }

    @Test
    void correlationBufferBoundsTheReordering() throws IOException {
        Files.writeString(events, Fixtures.lines(logon(100, "bob"), logon(0, "bob"), logon(1, "bob"), logon(2, "bob")));
        Cli.Result reordered = Cli.run("hunt", "-q", "-r", rules.toString(), events.toString());
        assertEquals(1, reordered.out().lines().count(), reordered.toString());
        Cli.Result unbuffered = Cli.run("hunt", "--correlation-buffer", "0", "-r", rules.toString(), events.toString());
        assertEquals("", unbuffered.out(), "read after 10:01:40, the 10:00:0x logons are too late for bob's window");
        assertTrue(unbuffered.err().contains("3 more than a timespan out of order"), unbuffered.err());
        Cli.Result negative = Cli.run("hunt", "--correlation-buffer", "-1", "-r", rules.toString(), events.toString());
        assertEquals(2, negative.exitCode(), negative.toString());
    }

    @Test
    void unresolvedCorrelationIsAnErrorAndStrictRefusesToScan() throws IOException {
        Files.writeString(rules, FAILED_LOGIN + "---\n" + BRUTE_FORCE.replace("- failed_login", "- no_such_rule"));
        Cli.Result result = Cli.run("hunt", "--strict", "-r", rules.toString(), events.toString());
        assertEquals(3, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith(rules + ":19:11: error: correlation 'Brute force' is left out: it "
                + "references 'no_such_rule', which is no loaded rule or correlation (by id or name) [correlation]\n"),
                result.err());
    }

    @Test
    void filterExcludesEventsFromTheRulesItNames() throws IOException {
        Path filter = Fixtures.write(directory, "rules/filter_eve.yml", "title: Not eve\nlogsource:\n"
                + "    product: windows\n    service: security\nfilter:\n    rules:\n        - failed_login\n"
                + "    selection:\n        TargetUserName: eve\n    condition: not selection\n");
        Files.writeString(rules, FAILED_LOGIN);
        Cli.Result result = Cli.run("hunt", "-q", "-r", rules.toString(), "-r", filter.toString(), events.toString());
        List<String> lines = result.out().lines().toList();
        assertEquals(3, lines.size(), result.toString());
        assertTrue(lines.stream().allMatch(line -> line.contains("\"TargetUserName\":\"bob\"")), result.toString());
    }

    @Test
    void tableAndCsvShowAlertsToo() {
        Cli.Result table = Cli.run("hunt", "-q", "-f", "table", "-r", rules.toString(), events.toString());
        assertTrue(table.out().contains("event_count TargetUserName=bob: 3 in 1m, 3 events"), table.out());
        Cli.Result csv = Cli.run("hunt", "-q", "-f", "csv", "-r", rules.toString(), events.toString());
        List<String> rows = csv.out().lines().toList();
        assertEquals(2, rows.size(), csv.out());
        assertTrue(rows.get(1).startsWith("0e95725d-7320-415d-80f7-004da920fc11,Brute force,high,sigscan tests,"
                + events + ","), rows.get(1));
        assertTrue(rows.get(1).contains(",,\"{\"\"type\"\":\"\"event_count\"\""), rows.get(1));
    }
}
