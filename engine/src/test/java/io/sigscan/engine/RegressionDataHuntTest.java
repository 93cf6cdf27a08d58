package io.sigscan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.compile.CompileResult;
import io.sigscan.rules.compile.RuleSetCompiler;
import io.sigscan.rules.load.LoadResult;
import io.sigscan.rules.load.RuleLoader;
import io.sigscan.rules.logsource.LogsourceMapping;

/**
 * The whole pipeline on the SigmaHQ regression data: each rule, loaded and compiled with the
 * built-in log-source mapping, must fire on its JSON twin and its EVTX file at least {@code match_count} times
 * (1 when {@code info.yml} gives none), with no input problem; every one of these rules must load.
 * Needs {@code -Dsigscan.corpus}.
 */
class RegressionDataHuntTest {
    private static final Pattern RULE_ID = Pattern.compile("(?m)^\\s*-\\s*id:\\s*([0-9a-fA-F-]{36})");
    private static final Pattern MATCH_COUNT = Pattern.compile("(?m)^\\s*match_count:\\s*(\\d+)");
    private static final String NOT_LOADED = "not loaded";
    private static final Pattern FILE_ID = Pattern.compile("(?m)^id:\\s*([0-9a-fA-F-]{36})");

    @Test
    void everyRegressionRuleFiresOnItsJsonAndEvtxTwins() throws IOException {
        String corpus = System.getProperty("sigscan.corpus", "");
        assumeFalse(corpus.isBlank(), "sigscan.corpus is not set: the regression-data hunt test is skipped");
        Path root = Path.of(corpus);
        assertTrue(Files.isDirectory(root.resolve("regression_data")), "sigscan.corpus is set but " + root
                + " has no regression_data");
        Map<String, Path> rulesById = rulesById(root);
        List<String> failures = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> walk = Files.walk(root.resolve("regression_data"))) {
            for (Path info : walk.filter(p -> p.getFileName().toString().equals("info.yml")).sorted().toList()) {
                String text = Files.readString(info);
                Matcher id = RULE_ID.matcher(text);
                if (!id.find()) {
                    continue;
                }
                Path rule = rulesById.get(id.group(1));
                Path json;
                try (Stream<Path> siblings = Files.list(info.getParent())) {
                    json = siblings.filter(p -> p.toString().endsWith(".json")).findFirst().orElse(null);
                }
                if (json == null) {
                    continue; // a raw-text test, commented out in SigmaHQ's own info.yml
                }
                if (rule == null) {
                    failures.add(info.getParent().getFileName() + ": rule " + id.group(1) + " not found");
                    continue;
                }
                Matcher count = MATCH_COUNT.matcher(text);
                long expected = count.find() ? Long.parseLong(count.group(1)) : 1;
                checked++;
                String failure = hunt(rule, json, expected);
                Path evtx = json.resolveSibling(json.getFileName().toString().replace(".json", ".evtx"));
                if (failure == null && Files.exists(evtx)) {
                    failure = hunt(rule, evtx, expected);
                }
                if (NOT_LOADED.equals(failure)) {
                    rejected.add(rule.getFileName().toString());
                } else if (failure != null) {
                    failures.add(rule.getFileName() + ": " + failure);
                }
            }
        }
        assertTrue(checked >= 190, "checked only " + checked + " regression tests");
        assertEquals(List.of(), rejected, "the loader rejected rules that have regression data");
        assertEquals(List.of(), failures, failures.size() + " of " + checked + " regression tests failed");
    }

    private static String hunt(Path rule, Path input, long expected) {
        LoadResult loaded = RuleLoader.defaults().load(List.of(rule));
        if (loaded.rules().isEmpty()) {
            return NOT_LOADED;
        }
        CompileResult compiled = RuleSetCompiler.compile(loaded.rules(), LogsourceMapping.builtIn());
        if (compiled.ruleSet().rules().size() != 1) {
            return "compiled " + compiled.ruleSet().rules().size() + " rules: " + compiled.problems();
        }
        Recorder out = new Recorder();
        ScanSummary summary = new Scanner(compiled.ruleSet(), ScanOptions.defaults().withThreads(1))
                .scan(List.of(input), out, out);
        if (!out.problems.isEmpty()) {
            return input.getFileName() + ": input problems " + out.problems;
        }
        return summary.matches() >= expected ? null
                : input.getFileName() + ": " + summary.matches() + " matches, expected at least " + expected + " in " + summary.events() + " events";
    }

    private static Map<String, Path> rulesById(Path root) throws IOException {
        Map<String, Path> rules = new HashMap<>();
        try (Stream<Path> top = Files.list(root)) {
            for (Path dir : top.filter(p -> p.getFileName().toString().startsWith("rules")).toList()) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path file : walk.filter(p -> p.toString().endsWith(".yml")).toList()) {
                        Matcher id = FILE_ID.matcher(Files.readString(file));
                        if (id.find()) {
                            rules.put(id.group(1), file);
                        }
                    }
                }
            }
        }
        return rules;
    }
}
