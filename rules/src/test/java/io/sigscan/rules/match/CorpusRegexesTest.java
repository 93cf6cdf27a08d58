package io.sigscan.rules.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.sigscan.rules.ir.ValueTest;

/**
 * Every {@code |re} value of the SigmaHQ rules compiles on RE2J, the linear-time engine: none
 * needs the budgeted java.util.regex fallback. Needs -Dsigscan.corpus.
 */
class CorpusRegexesTest {

    @Test
    void everyCorpusRegexRunsOnTheLinearTimeEngine() throws IOException {
        String corpus = System.getProperty("sigscan.corpus", "");
        Assumptions.assumeTrue(!corpus.isEmpty(), "SKIPPED: set -Dsigscan.corpus=/path/to/sigma to check the corpus regexes");
        List<String> regexes = new ArrayList<>();
        List<String> notOnRe2 = new ArrayList<>();
        for (String folder : List.of("rules", "rules-compliance", "rules-emerging-threats", "rules-placeholder", "rules-threat-hunting")) {
            try (Stream<Path> files = Files.walk(Path.of(corpus, folder))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".yml")).sorted().toList()) {
                    String text = Files.readString(file);
                    if (!text.contains("|re")) {
                        continue;
                    }
                    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
                        collect(document, null, regexes);
                    }
                }
            }
        }
        for (String key : regexes) {
            String[] parts = key.split("\u0000", 2);
            List<String> modifiers = List.of(parts[0].split("\\|"));
            ValueMatcher matcher = ValueMatcher.forTest(new ValueTest.Regex(parts[1], modifiers.contains("i"),
                    modifiers.contains("m"), modifiers.contains("s")));
            ValueMatcher engine = matcher instanceof LiteralGuardedMatcher guarded ? guarded.guarded() : matcher;
            if (!(engine instanceof RegexMatcher)) {
                notOnRe2.add(parts[1]);
            }
        }
        assertEquals(true, regexes.size() > 200, "found only " + regexes.size() + " regexes");
        assertEquals(List.of(), notOnRe2);
    }

    /** Adds "modifiers\0pattern" for every value under a key with the re modifier. */
    private static void collect(Object node, String key, List<String> regexes) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(v, String.valueOf(k), regexes));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, key, regexes));
        } else if (node != null && key != null && List.of(key.split("\\|")).contains("re")) {
            regexes.add(key + "\u0000" + node);
        }
    }
}
