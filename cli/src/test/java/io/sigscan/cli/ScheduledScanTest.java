package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hunt --state over a growing log directory: every run reports only what is new, a killed run
 * commits nothing, and all runs together report exactly what one scan of the final directory does.
 */
class ScheduledScanTest {
    /** Events in the file the killed run is scanning: enough to take the child seconds to scan. */
    private static final int BIG_FILE_EVENTS = 600_000;

    @TempDir
    Path directory;

    private Path rule;
    private Path logs;
    private Path state;
    private int sequence;

    @BeforeEach
    void setUp() throws IOException {
        rule = Fixtures.write(directory, "rules/node.yml", Fixtures.NODE_SHELL_RULE);
        logs = Files.createDirectories(directory.resolve("logs"));
        state = directory.resolve("state");
    }

    /** A matching event and a near miss, each numbered so that no two events are alike. */
    private String events(int pairs) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pairs; i++) {
            sequence++;
            text.append(Fixtures.MATCHING_EVENT.replace("more\"}", "more " + sequence + "\"}")).append('\n');
            text.append(Fixtures.NEAR_MISS_RENAMED_CHILD.replace("}", ",\"Seq\":" + sequence + "}")).append('\n');
        }
        return text.toString();
    }

    private void append(String name, String text) throws IOException {
        Files.writeString(logs.resolve(name), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private Cli.Result run(String output) {
        return Cli.run("hunt", "-q", "-t", "2", "-r", rule.toString(), "--state", state.toString(), "-o",
                directory.resolve(output).toString(), logs.toString());
    }

    @Test
    void runsOverAGrowingDirectoryReportEachMatchOnceEvenWhenARunIsKilled() throws Exception {
        append("a.log", events(3));
        Cli.Result first = run("run1.jsonl");
        assertEquals(1, first.exitCode(), first.toString());
        assertEquals(3, lines("run1.jsonl").size());

        // Appended events, and one still being written: it waits for the next run.
        append("a.log", events(2) + Fixtures.MATCHING_EVENT.substring(0, 40));
        Cli.Result second = run("run2.jsonl");
        assertEquals(1, second.exitCode(), second.toString());
        assertEquals(2, lines("run2.jsonl").size());

        // The unfinished event completed, a new file, then rotation: a.log becomes a.log.1 and a new a.log starts.
        append("a.log", Fixtures.MATCHING_EVENT.substring(40) + "\n" + events(1));
        append("b.log", events(2));
        Files.move(logs.resolve("a.log"), logs.resolve("a.log.1"));
        append("a.log", events(1));
        Cli.Result third = run("run3.jsonl");
        assertEquals(1, third.exitCode(), third.toString());
        assertEquals(2 + 2 + 1, lines("run3.jsonl").size(), "the completed and the appended event of a.log.1,"
                + " b.log, the new a.log");
        assertTrue(lines("run3.jsonl").get(0).contains("\"file\":\"" + logs.resolve("a.log") + "\",\"offset\":0,"
                + "\"line\":1"), "the new a.log is read from its start: " + lines("run3.jsonl").get(0));

        // A run killed while it scans a big new file commits nothing; a second run meanwhile is refused.
        appendBig("c.log");
        append("b.log", events(1));
        killWhileScanning("run4.jsonl");
        assertFalse(Files.exists(directory.resolve("run4.jsonl")), "the killed run's output never appears");

        Cli.Result fifth = run("run5.jsonl");
        assertEquals(1, fifth.exitCode(), fifth.toString());

        Cli.Result sixth = run("run6.jsonl");
        assertEquals(0, sixth.exitCode(), sixth.toString());
        assertEquals(List.of(), lines("run6.jsonl"), "nothing new, nothing reported");

        Cli.Result everything = Cli.run("hunt", "-q", "-t", "2", "-r", rule.toString(), logs.toString());
        assertEquals(1, everything.exitCode(), everything.err());
        List<String> union = new ArrayList<>();
        for (String run : List.of("run1.jsonl", "run2.jsonl", "run3.jsonl", "run5.jsonl", "run6.jsonl")) {
            union.addAll(withoutFileNames(lines(run)));
        }
        List<String> once = withoutFileNames(everything.out().lines().toList());
        union.sort(null);
        once.sort(null);
        assertEquals(once.size(), union.size(), "no match reported twice, none missing");
        assertEquals(once, union);
        assertEquals(BIG_FILE_EVENTS / 100 + 11, once.size(), "3 + 2 + 5 in the first runs, 1 + the big file's after");
    }

    @Test
    void aLockLeftByAProcessThatDiedIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.createDirectories(state);
        Files.writeString(state.resolve("lock"), gone.pid() + "\n");
        append("a.log", events(1));
        Cli.Result result = run("out.jsonl");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("sigscan: took over the lock of " + state + " from pid " + gone.pid()
                + ", which ended without releasing it\n", result.err());
        assertEquals(1, lines("out.jsonl").size());
    }

    @Test
    void withoutAnOutputFileNewMatchesGoToStandardOutput() throws IOException {
        append("a.log", events(2));
        Cli.Result first = Cli.run("hunt", "-q", "-r", rule.toString(), "--state", state.toString(), logs.toString());
        assertEquals(2, first.out().lines().count(), first.toString());
        append("a.log", events(1));
        Cli.Result second = Cli.run("hunt", "-q", "-r", rule.toString(), "--state", state.toString(), logs.toString());
        assertEquals(1, second.out().lines().count(), second.toString());
        assertTrue(second.out().contains("\"line\":5"), "line numbers continue across runs: " + second.out());
    }

    @Test
    void aCorrelationWindowSpanningTwoRunsAlertsOnceInTheSecond() throws IOException {
        Path rules = Fixtures.write(directory, "correlation/brute_force.yml", "title: Failed logon\n"
                + "name: failed_login\nlogsource:\n    product: windows\n    service: security\ndetection:\n"
                + "    selection:\n        EventID: 4625\n    condition: selection\n---\ntitle: Brute force\n"
                + "id: 0e95725d-7320-415d-80f7-004da920fc11\ncorrelation:\n    type: event_count\n    rules:\n"
                + "        - failed_login\n    group-by:\n        - TargetUserName\n    timespan: 10m\n"
                + "    condition:\n        gte: 5\n");
        // bob: 3 failed logons before midnight, 2 after: one window across both runs. eve: only 4.
        append("logons.jsonl", logon("23:59:00", "bob") + logon("23:59:10", "eve") + logon("23:59:20", "bob")
                + logon("23:59:30", "eve") + logon("23:59:40", "bob"));
        Cli.Result first = runCorrelated(rules, "c1.jsonl");
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(List.of(), lines("c1.jsonl"), "3 of 5 logons so far");

        String fourthOfBob = logon("00:01:00", "bob");
        append("logons.jsonl", fourthOfBob + logon("00:01:10", "eve") + logon("00:01:20", "bob"));
        Cli.Result second = runCorrelated(rules, "c2.jsonl");
        assertEquals(1, second.exitCode(), second.toString());
        List<String> alerts = lines("c2.jsonl");
        assertEquals(1, alerts.size(), alerts.toString());
        assertTrue(alerts.get(0).contains("\"group\":{\"TargetUserName\":\"bob\"},\"window\":{\"start\":"
                + "\"2026-01-05T23:59:00Z\",\"end\":\"2026-01-06T00:01:20Z\"},\"value\":5,\"eventCount\":5"),
                alerts.get(0));
        assertTrue(alerts.get(0).contains("\"offset\":0}"), "the first run's events are named: " + alerts.get(0));

        Cli.Result third = runCorrelated(rules, "c3.jsonl");
        assertEquals(0, third.exitCode(), third.toString());
        assertEquals(List.of(), lines("c3.jsonl"), "nothing new, no alert repeated");

        try (Stream<Path> files = Files.list(state)) {
            for (Path windows : files.filter(f -> f.getFileName().toString().startsWith("windows-")).toList()) {
                Files.writeString(windows, "sigscan-windows 1\nentry\tbroken\n");
            }
        }
        // With her 3 logons reopened these 2 would make 5; the damaged windows are dropped instead.
        append("logons.jsonl", logon("00:02:00", "eve") + logon("00:02:10", "eve"));
        Cli.Result fourth = runCorrelated(rules, "c4.jsonl");
        assertEquals(0, fourth.exitCode(), fourth.toString());
        assertTrue(fourth.err().contains("sigscan: warning: cannot reopen the correlation windows of " + state)
                && fourth.err().contains("line 2: ") && fourth.err().contains("correlation windows start empty"),
                fourth.err());
        assertEquals(List.of(), lines("c4.jsonl"), "eve's window starts empty");
    }

    private static String logon(String time, String user) {
        String day = time.startsWith("23") ? "2026-01-05" : "2026-01-06";
        return "{\"Channel\":\"Security\",\"EventID\":4625,\"TargetUserName\":\"" + user
                + "\",\"TimeCreated\":\"" + day + "T" + time + "Z\"}\n";
    }

    private Cli.Result runCorrelated(Path rules, String output) {
        return Cli.run("hunt", "-q", "-r", rules.toString(), "--state", state.toString(), "-o",
                directory.resolve(output).toString(), logs.toString());
    }

    /** Every 100th event matches. */
    private void appendBig(String name) throws IOException {
        String miss = Fixtures.NEAR_MISS_LOOKALIKE_PARENT.replace("}", ",\"Seq\":%d}");
        String hit = Fixtures.MATCHING_EVENT.replace("more\"}", "more %d\"}");
        try (BufferedWriter out = Files.newBufferedWriter(logs.resolve(name), StandardCharsets.UTF_8)) {
            for (int i = 0; i < BIG_FILE_EVENTS; i++) {
                out.write(String.format(i % 100 == 0 ? hit : miss, i));
                out.write('\n');
            }
        }
    }

    /**
     * Runs the real command in a child JVM and kills it (SIGKILL) once its output has started to
     * reach disk, i.e. in the middle of the scan; meanwhile a second run on the same state is refused.
     */
    private void killWhileScanning(String output) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", Main.class.getName(),
                "hunt", "-q", "-t", "1", "-r", rule.toString(), "--state", state.toString(), "-o",
                directory.resolve(output).toString(), logs.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!outputStarted(output)) {
                assertTrue(child.isAlive(), "the child ended before it could be killed: "
                        + Files.readString(directory.resolve("child.log")));
                assertTrue(System.nanoTime() < deadline, "the child never started writing");
                Thread.sleep(2);
            }
            Cli.Result refused = run("refused.jsonl");
            assertEquals(6, refused.exitCode(), refused.toString());
            assertEquals("sigscan: state directory " + state + " is in use by another sigscan run (pid "
                    + child.pid() + "); not scanning\n", refused.err());
            assertTrue(child.isAlive(), "killed mid-scan, not after");
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }

    /** Whether the temporary file beside {@code output} holds some matches already. */
    private boolean outputStarted(String output) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().startsWith("." + output + ".")
                    && file.toFile().length() > 0);
        }
    }

    private List<String> lines(String output) throws IOException {
        return Files.readAllLines(directory.resolve(output), StandardCharsets.UTF_8);
    }

    /** Rotated files are reported under their name at the time; offsets and lines are the file's own. */
    private static List<String> withoutFileNames(List<String> lines) {
        List<String> stripped = new ArrayList<>();
        for (String line : lines) {
            stripped.add(line.replaceFirst("\"file\":\"[^\"]*\"", "\"file\":\"\""));
        }
        return stripped;
    }

}
