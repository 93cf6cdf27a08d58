package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sigscan.cli.generate.ProcessEventGenerator;

class ProfileCommandTest {
    @TempDir
    static Path directory;
    static Path sample;

    @BeforeAll
    static void writeSample() throws IOException {
        sample = Files.createDirectory(directory.resolve("sample"));
        ProcessEventGenerator.writeSample(sample, 20_000, 5);
    }

    @Test
    void tableListsTheCostliestRulesWithHitsAndTheTimeBreakdown() {
        Cli.Result result = Cli.run("profile", "--top", "5", sample.toString());
        assertEquals(0, result.exitCode(), result.toString());
        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).contains("ns/event") && lines.get(0).contains("why"), lines.get(0));
        assertEquals(5, lines.stream().filter(line -> line.matches("^ +\\d+\\.\\d +\\d+\\.\\d%.*")).count(), result.out());
        assertTrue(result.out().contains("cheaper rules not shown"), result.out());
        assertTrue(result.out().contains("plain scan:") && result.out().contains("reading and projecting"), result.out());
    }

    @Test
    void jsonHasEveryRuleAndHitsAgreeWithHunt() {
        Cli.Result profile = Cli.run("profile", "-f", "json", sample.toString());
        assertEquals(0, profile.exitCode(), profile.toString());
        String json = profile.out();
        Cli.Result lint = Cli.run("lint");
        Matcher loaded = Pattern.compile("(\\d+) rules compiled").matcher(lint.out() + lint.err());
        assertTrue(loaded.find(), lint.toString());
        assertEquals(Integer.parseInt(loaded.group(1)), count(json, "\"title\":"), "one entry per bundled rule");

        Cli.Result hunt = Cli.run("hunt", sample.toString());
        int huntMatches = (int) hunt.out().lines().count();
        int profiledHits = Pattern.compile("\"hits\":(\\d+)").matcher(json).results()
                .mapToInt(hit -> Integer.parseInt(hit.group(1))).sum();
        assertTrue(huntMatches > 0);
        assertEquals(huntMatches, profiledHits, "the timed scan sees the same hits as a hunt");
        long measured = number(json, "measuredNanos");
        long parts = number(json, "readingNanos") + number(json, "candidateNanos") + number(json, "rulesNanos")
                + number(json, "matchNanos");
        assertTrue(measured > 0 && parts > 0, json);
        assertTrue(number(json, "matchNanos") > 0, "the sample has matches, and recording them takes time: " + json);
    }

    @Test
    void htmlIsOnePageWithChartsAndNoNetwork(@TempDir Path out) throws IOException {
        Path page = out.resolve("profile.html");
        Cli.Result result = Cli.run("profile", "-f", "html", "-o", page.toString(), sample.toString());
        assertEquals(0, result.exitCode(), result.toString());
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg") && html.contains("Suspicious Node.js Child Process"), "chart and rule rows");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"), "self-contained");
        assertTrue(result.err().contains("plain scan:"), result.err());
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    private static long number(String json, String key) {
        Matcher matcher = Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertTrue(matcher.find(), key + " in " + json);
        return Long.parseLong(matcher.group(1));
    }
}
