package io.sigscan.rules.load;

import io.sigscan.rules.model.Problem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Loads the SigmaHQ corpus named by system property {@code sigscan.corpus}: skipped visibly
 * when the property is empty, failing when it names a missing folder.
 */
class SigmaCorpusLoadTest {

    private Path corpus;

    /** Per test, so that each one shows up as skipped with the reason. */
    @BeforeEach
    void locateCorpus() {
        String property = System.getProperty("sigscan.corpus", "");
        Assumptions.assumeFalse(property.isBlank(),
                "SigmaHQ corpus tests skipped: run with -Dsigscan.corpus=/path/to/sigma to enable them");
        corpus = Path.of(property);
        if (!Files.isDirectory(corpus.resolve("rules"))) {
            fail("-Dsigscan.corpus=" + property + " has no rules/ folder; the corpus is missing");
        }
    }

    @Test
    void everyActiveRuleFileYieldsRulesOrProblems() throws IOException {
        List<Path> folders;
        try (Stream<Path> children = Files.list(corpus)) {
            folders = children.filter(path -> path.getFileName().toString().startsWith("rules")
                    && Files.isDirectory(path)).sorted().collect(Collectors.toList());
        }
        LoadResult result = RuleLoader.defaults().load(folders);
        List<Path> files = ymlFiles(folders);

        assertEveryFileAccountedFor(files, result);
        Map<String, Long> kinds = new TreeMap<>(result.problems().stream()
                .collect(Collectors.groupingBy(problem -> problem.severity() + " " + problem.kind(), Collectors.counting())));
        System.out.println("loaded " + result.rules().size() + " of " + files.size() + " rules; problems by kind: " + kinds);
        result.problems().stream().filter(Problem::isError).forEach(problem -> System.out.println("  " + problem));
        assertTrue(result.rules().size() > files.size() * 9 / 10,
                "most active SigmaHQ rules must load: " + result.rules().size() + " of " + files.size());
        assertEquals(0, result.problems().stream().filter(problem -> problem.kind().equals(ProblemKind.INTERNAL)).count());
    }

    @Test
    void deprecatedRulesLoadWithoutInternalErrors() throws IOException {
        Path deprecated = corpus.resolve("deprecated");
        LoadResult result = RuleLoader.defaults().load(List.of(deprecated));
        assertEveryFileAccountedFor(ymlFiles(List.of(deprecated)), result);
        assertEquals(0, result.problems().stream().filter(problem -> problem.kind().equals(ProblemKind.INTERNAL)).count());
        System.out.println("deprecated/: loaded " + result.rules().size() + " rules, " + result.errorCount() + " errors");
    }

    /**
     * unsupported/ mixes Sigma 1.0 syntax (which must be rejected with a legacy-syntax error) and
     * rules that are valid Sigma but were retired for their log source or fields (which load).
     */
    @Test
    void everyUnsupportedFileWithLegacySyntaxIsRejectedAsSuch() throws IOException {
        Path unsupported = corpus.resolve("unsupported");
        RuleLoader loader = RuleLoader.defaults();
        List<String> notRejected = new ArrayList<>();
        int legacy = 0;
        int loaded = 0;
        for (Path file : ymlFiles(List.of(unsupported))) {
            LoadResult result = loader.load(List.of(file));
            assertEquals(0, result.problems().stream().filter(problem -> problem.kind().equals(ProblemKind.INTERNAL)).count());
            boolean rejectedAsLegacy = result.problems().stream()
                    .anyMatch(problem -> problem.isError() && problem.kind().equals(ProblemKind.LEGACY_SYNTAX));
            if (usesLegacySyntax(Files.readString(file))) {
                legacy++;
                if (!rejectedAsLegacy) {
                    notRejected.add(corpus.relativize(file).toString());
                }
            } else if (result.errorCount() == 0) {
                loaded++;
            }
        }
        System.out.println("unsupported/: " + legacy + " files with Sigma 1.0 syntax rejected, "
                + loaded + " valid rules loaded");
        assertTrue(legacy > 50, "the corpus has over 50 legacy files, found " + legacy);
        assertEquals(List.of(), notRejected, "unsupported/ files with Sigma 1.0 syntax not rejected as legacy-syntax");
    }

    /** Detected from the text, independently of the loader: action:, timeframe:, a pipe in a condition. */
    private static boolean usesLegacySyntax(String text) {
        return Pattern.compile("(?m)^action:|^\\s+timeframe:|^\\s+condition:[^#\\n]*\\|").matcher(text).find();
    }

    private static void assertEveryFileAccountedFor(List<Path> files, LoadResult result) {
        Set<String> accounted = new HashSet<>();
        result.rules().forEach(rule -> accounted.add(rule.info().location().file()));
        result.problems().forEach(problem -> accounted.add(problem.location().file()));
        List<String> silent = files.stream().map(Path::toString).filter(file -> !accounted.contains(file))
                .collect(Collectors.toList());
        assertEquals(List.of(), silent, "files that produced neither a rule nor a problem");
    }

    private static List<Path> ymlFiles(List<Path> folders) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(path -> path.toString().endsWith(".yml") && Files.isRegularFile(path)).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
