package io.sigscan.rules.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * needs the budgeted java.util.regex fallback; and on each, the lazy DFA in front of RE2J answers
 * as RE2J does. Needs -Dsigscan.corpus.
 */
class CorpusRegexesTest {

    @Test
    void everyCorpusRegexRunsOnTheLinearTimeEngine() throws IOException {
        List<String> regexes = corpusRegexes();
        List<String> notOnRe2 = new ArrayList<>();
        for (String key : regexes) {
            if (!(engine(key) instanceof RegexMatcher)) {
                notOnRe2.add(key.split("\u0000", 2)[1]);
            }
        }
        assertEquals(true, regexes.size() > 200, "found only " + regexes.size() + " regexes");
        assertEquals(List.of(), notOnRe2);
    }

    /** The cap on a regex's program leaves every SigmaHQ regex a wide margin. */
    @Test
    void everyCorpusRegexIsFarBelowTheProgramSizeCap() throws IOException {
        int largest = 0;
        for (String key : corpusRegexes()) {
            largest = Math.max(largest, RegexMatcher.programSize(com.google.re2j.Pattern.compile(key.split("\u0000", 2)[1])));
        }
        assertEquals(true, largest > 0 && largest * 10 < RegexMatchers.MAX_PROGRAM_INSTRUCTIONS, "largest program " + largest);
    }

    /**
     * Values: realistic ones and random strings over each pattern's own characters
     * ({@link LazyDfaTest#values}); the DFA must decide most of them, and agree with RE2J on all.
     */
    @Test
    void theLazyDfaAnswersAsRe2jOnEveryCorpusRegex() throws IOException {
        int asked = 0;
        int decided = 0;
        int matched = 0;
        for (String key : corpusRegexes()) {
            if (!(engine(key) instanceof RegexMatcher matcher)) {
                continue;
            }
            String pattern = key.split("\u0000", 2)[1];
            for (String value : LazyDfaTest.values(pattern)) {
                asked++;
                if (LazyDfaTest.agrees(matcher, value, "/" + pattern + "/")) {
                    decided++;
                }
                if (matcher.findWithMatcher(value.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                    matched++;
                }
            }
        }
        assertTrue(decided > asked * 9 / 10, "the DFA decided only " + decided + " of " + asked);
        assertTrue(matched > asked / 100, "only " + matched + " of " + asked + " values matched: the check says little");
    }

    private static ValueMatcher engine(String key) {
        String[] parts = key.split("\u0000", 2);
        List<String> modifiers = List.of(parts[0].split("\\|"));
        ValueMatcher matcher = ValueMatcher.forTest(new ValueTest.Regex(parts[1], modifiers.contains("i"),
                modifiers.contains("m"), modifiers.contains("s")));
        return matcher instanceof LiteralGuardedMatcher guarded ? guarded.guarded() : matcher;
    }

    /** "modifiers\0pattern" of every regex of the active rule folders. */
    private static List<String> corpusRegexes() throws IOException {
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
        return regexes;
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
