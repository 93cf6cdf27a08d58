package io.sigscan.cli.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.ScanProblem;
import io.sigscan.engine.ScanSummary;
import io.sigscan.engine.Scanner;
import io.sigscan.rules.compile.CompileResult;
import io.sigscan.rules.compile.RuleSetCompiler;
import io.sigscan.rules.load.LoadResult;
import io.sigscan.rules.load.RuleLoader;
import io.sigscan.rules.logsource.LogsourceMapping;

class TelemetryGeneratorTest {

    private static String sample(long seed, long events) throws IOException {
        StringWriter out = new StringWriter();
        TelemetryGenerator.write(out, seed, events, Long.MAX_VALUE);
        return out.toString();
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        String first = sample(42, 3_000);
        assertEquals(first, sample(42, 3_000));
        assertNotEquals(first, sample(43, 3_000));
        assertEquals(3_000, first.lines().count());
        assertTrue(first.startsWith(sample(42, 10)), "a longer sample of a seed extends a shorter one");
    }

    @Test
    void kindsAndAttacksComeInTheDocumentedProportions() {
        TelemetryGenerator generator = new TelemetryGenerator(7);
        int events = 200_000;
        Map<TelemetryKind, Integer> perKind = new EnumMap<>(TelemetryKind.class);
        int attacks = 0;
        for (int i = 0; i < events; i++) {
            TelemetryGenerator.Event event = generator.next();
            perKind.merge(event.kind(), 1, Integer::sum);
            attacks += event.attack() ? 1 : 0;
        }
        int total = 0;
        for (TelemetryKind kind : TelemetryKind.values()) {
            double expected = events * kind.perThousand() / 1000.0;
            double actual = perKind.getOrDefault(kind, 0);
            assertTrue(Math.abs(actual - expected) < expected * 0.05, kind + ": " + actual + " events, expected " + expected);
            total += kind.perThousand();
        }
        assertEquals(TelemetryKind.TOTAL_WEIGHT, total);
        double expectedAttacks = (double) events / TelemetryGenerator.ATTACK_ODDS;
        assertTrue(Math.abs(attacks - expectedAttacks) < expectedAttacks * 0.3, attacks + " attacks, expected " + expectedAttacks);
    }

    @Test
    void stopsBeforeTheSizeWouldBeExceeded() throws IOException {
        for (long size : new long[] {1, 5_000, 1_000_000}) {
            StringWriter out = new StringWriter();
            TelemetryGenerator.Written written = TelemetryGenerator.write(out, 3, Long.MAX_VALUE, size);
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            assertEquals(written.bytes(), bytes.length, "counted bytes are written bytes");
            assertEquals(written.events(), out.toString().lines().count());
            assertTrue(bytes.length <= size, bytes.length + " > " + size);
            // The longest events (script blocks) stay under 8 KB, so the sample ends within one of them.
            assertTrue(bytes.length > size - 8_192, bytes.length + " far below " + size);
        }
    }

    @Test
    void eventsAreOneLineOfJsonEachAndCountedInUtf8() throws IOException {
        String text = sample(5, 20_000);
        assertTrue(text.contains("Microsoft\u00ae Windows\u00ae Operating System"), "non-ASCII values are kept");
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, TelemetryGenerator.utf8Length(text));
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("{\"EventTime\":\"2026-03-02 ") && line.endsWith("}"), line);
        }
    }

    /**
     * One rule per Sigma log source, each matching every event it is routed (all events carry a
     * Computer in the corp domain): an event must be matched by the rules of its own log source and
     * by no other, which shows it parsed and was routed as its kind says.
     */
    @Test
    void everyKindParsesAndReachesTheRulesOfItsLogSource(@TempDir Path directory) throws IOException {
        Map<String, String> ruleOfLogsource = new HashMap<>();
        List<Path> ruleFiles = new ArrayList<>();
        for (TelemetryKind kind : TelemetryKind.values()) {
            String logsource = kind.logsource();
            if (ruleOfLogsource.containsKey(logsource)) {
                continue;
            }
            String title = "every " + logsource.substring(logsource.indexOf(' ') + 1);
            ruleOfLogsource.put(logsource, title);
            String extra = kind == TelemetryKind.SECURITY_LOGON ? "        EventID: 4624\n" : "";
            Path rule = directory.resolve(title.replace(' ', '_') + ".yml");
            Files.writeString(rule, "title: " + title + "\nlogsource:\n    product: windows\n    "
                    + logsource + "\ndetection:\n    selection:\n        Computer|endswith: '.corp.example.com'\n"
                    + extra + "    condition: selection\n");
            ruleFiles.add(rule);
        }
        LoadResult loaded = RuleLoader.defaults().load(ruleFiles);
        assertEquals(List.of(), loaded.problems());
        CompileResult compiled = RuleSetCompiler.compile(loaded.rules(), LogsourceMapping.builtIn());
        assertEquals(List.of(), compiled.problems());

        Path log = directory.resolve("telemetry.jsonl");
        Map<Long, TelemetryGenerator.Event> eventAt = new HashMap<>();
        TelemetryGenerator generator = new TelemetryGenerator(11);
        try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            long offset = 0;
            for (int i = 0; i < 30_000; i++) {
                TelemetryGenerator.Event event = generator.next();
                eventAt.put(offset, event);
                out.write(event.json());
                out.write('\n');
                offset += TelemetryGenerator.utf8Length(event.json()) + 1;
            }
        }
        Map<Long, Set<String>> matchedAt = new HashMap<>();
        List<ScanProblem> problems = new ArrayList<>();
        ScanSummary summary = new Scanner(compiled.ruleSet(), ScanOptions.defaults().withThreads(2)).scan(List.of(log),
                match -> matchedAt.computeIfAbsent(match.offset(), o -> new TreeSet<>()).add(match.rule().title()),
                problems::add);
        assertEquals(List.of(), problems);
        assertEquals(30_000, summary.events());
        Map<TelemetryKind, Boolean> attackSeen = new EnumMap<>(TelemetryKind.class);
        for (Map.Entry<Long, TelemetryGenerator.Event> entry : eventAt.entrySet()) {
            TelemetryKind kind = entry.getValue().kind();
            assertEquals(Set.of(ruleOfLogsource.get(kind.logsource())), matchedAt.getOrDefault(entry.getKey(), Set.of()),
                    kind + " at " + entry.getKey() + ": " + entry.getValue().json());
            attackSeen.merge(kind, entry.getValue().attack(), Boolean::logicalOr);
        }
        assertEquals(TelemetryKind.values().length, attackSeen.size(), "every kind appears: " + attackSeen.keySet());
    }
}
