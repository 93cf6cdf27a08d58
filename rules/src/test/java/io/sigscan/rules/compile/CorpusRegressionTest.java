package io.sigscan.rules.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.sigscan.rules.load.LoadResult;
import io.sigscan.rules.load.RuleLoader;
import io.sigscan.rules.logsource.LogsourceMapping;
import io.sigscan.rules.model.Problem;

/**
 * The whole SigmaHQ corpus through loading, routing and compilation, and each rule-linked
 * regression sample through the compiled set. Needs -Dsigscan.corpus.
 */
class CorpusRegressionTest {
    private static Path corpus;
    private static CompileResult compiled;

    @BeforeAll
    static void compileCorpus() throws IOException {
        String property = System.getProperty("sigscan.corpus", "");
        Assumptions.assumeFalse(property.isBlank(), "SKIPPED: run with -Dsigscan.corpus=/path/to/sigma to enable corpus tests");
        corpus = Path.of(property);
        List<Path> folders;
        try (Stream<Path> children = Files.list(corpus)) {
            folders = children.filter(path -> path.getFileName().toString().startsWith("rules")).sorted().toList();
        }
        LoadResult loaded = RuleLoader.defaults().load(folders);
        long start = System.nanoTime();
        compiled = RuleSetCompiler.compile(loaded.rules(), LogsourceMapping.builtIn());
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Integer> unmapped = new TreeMap<>();
        compiled.problems().stream().filter(problem -> !problem.isError()).forEach(problem -> unmapped.merge(
                problem.message().replaceAll(".*has log source (.*), which.*", "$1"), 1, Integer::sum));
        System.out.println("compiled " + compiled.ruleSet().rules().size() + " of " + loaded.rules().size() + " rules in "
                + millis + " ms; " + compiled.ruleSet().fields().size() + " fields; unmapped log sources: " + unmapped);
        assertEquals(loaded.rules().size(), compiled.ruleSet().rules().size());
    }

    @Test
    void everyLoadedRuleCompilesAndOnlyUnmappedLogSourcesWarn() {
        assertEquals(List.of(), compiled.problems().stream().filter(Problem::isError).toList());
        assertTrue(compiled.problems().stream().allMatch(problem -> problem.kind().equals("logsource")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRegressionSampleFiresItsRule() throws IOException {
        Map<String, CompiledRule> rulesById = new HashMap<>();
        compiled.ruleSet().rules().forEach(rule -> rulesById.put(rule.info().id(), rule));
        List<Path> infos;
        try (Stream<Path> files = Files.walk(corpus.resolve("regression_data"))) {
            infos = files.filter(path -> path.getFileName().toString().equals("info.yml")).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        RuleEvaluator evaluator = compiled.ruleSet().newEvaluator();
        int checked = 0;
        for (Path info : infos) {
            Map<String, Object> test = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(info));
            String id = (String) ((List<Map<String, Object>>) test.get("rule_metadata")).get(0).get("id");
            List<Map<String, Object>> samples = (List<Map<String, Object>>) test.get("regression_tests_info");
            if (samples == null || !"evtx".equals(samples.get(0).get("type"))) {
                continue; // commented out, or a raw-text sample without an evtx/JSON twin
            }
            Map<String, Object> first = samples.get(0);
            int expected = first.get("match_count") instanceof Integer count ? count : 1;
            Path json = info.resolveSibling(id + ".json");
            CompiledRule rule = rulesById.get(id);
            if (rule == null) {
                // The loader reports why (e.g. a modifier it does not support); not a routing failure.
                System.out.println("regression sample skipped, its rule did not load: " + id);
                continue;
            }
            if (!Files.exists(json)) {
                failures.add(id + ": no JSON sample next to " + info);
                continue;
            }
            int[] hits = new int[1];
            for (TestEvent event : WindowsJsonEvents.read(Files.readString(json), compiled.ruleSet().fields())) {
                evaluator.evaluate(event, hit -> hits[0] += hit == rule ? 1 : 0);
            }
            if (hits[0] < expected) {
                failures.add(id + " (" + rule.info().title() + "): " + hits[0] + " of at least " + expected + " matches");
            }
            checked++;
        }
        System.out.println("regression samples checked: " + checked + "; failing: " + failures.size());
        assertEquals(List.of(), failures);
        assertTrue(checked > 150, "only " + checked + " regression samples were checked");
    }
}
