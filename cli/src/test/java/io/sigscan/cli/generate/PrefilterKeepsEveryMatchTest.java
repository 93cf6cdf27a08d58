package io.sigscan.cli.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sigscan.engine.Match;
import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.Scanner;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.compile.RuleSetCompiler;
import io.sigscan.rules.load.LoadResult;
import io.sigscan.rules.load.RuleLoader;
import io.sigscan.rules.logsource.LogsourceMapping;

/**
 * The literal pre-filter only skips work: on generated telemetry, the same rules with and
 * without it report the same matches. Uses SigmaHQ's Windows rules when {@code -Dsigscan.corpus}
 * is given (thousands of rules, every witness shape, keywords included), the bundled rules otherwise.
 */
class PrefilterKeepsEveryMatchTest {

    @Test
    void prefilteredScanReportsExactlyWhatTheUnfilteredScanReports(@TempDir Path directory) throws IOException {
        List<Path> sample = new ArrayList<>(ProcessEventGenerator.writeSample(directory, 4_000, 11));
        Path telemetry = directory.resolve("telemetry.jsonl");
        try (Writer out = Files.newBufferedWriter(telemetry, StandardCharsets.UTF_8)) {
            TelemetryGenerator.write(out, 11, 20_000, Long.MAX_VALUE);
        }
        sample.add(telemetry);
        String corpus = System.getProperty("sigscan.corpus", "");
        List<Path> rulePaths = corpus.isBlank()
                ? List.of(Path.of("src/main/resources/io/sigscan/cli/rules"))
                : List.of(Path.of(corpus, "rules", "windows"));
        if (corpus.isBlank()) {
            System.out.println("sigscan.corpus is not set: checking the pre-filter with the bundled rules only");
        }
        LoadResult loaded = RuleLoader.defaults().load(rulePaths);
        CompiledRuleSet rules = RuleSetCompiler.compile(loaded.rules(), LogsourceMapping.builtIn()).ruleSet();

        List<String> filtered = scan(rules, sample);
        List<String> unfiltered = scan(rules.withoutPrefilter(), sample);
        assertTrue(filtered.size() > 5, "the sample's attack steps are found: " + filtered.size());
        assertEquals(unfiltered, filtered);
    }

    private static List<String> scan(CompiledRuleSet rules, List<Path> inputs) {
        List<String> matches = new ArrayList<>();
        new Scanner(rules, ScanOptions.defaults().withThreads(2)).scan(inputs,
                (Match match) -> matches.add(match.file() + ":" + match.offset() + " " + match.ruleIndex()), problem -> { });
        return matches;
    }
}
