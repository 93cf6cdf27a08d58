package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * lint over every rules folder of the SigmaHQ corpus: clean with docs/placeholders-example.yml;
 * without it, exactly the rules with placeholders are refused, each by name. Needs
 * -Dsigscan.corpus.
 */
class PlaceholderCorpusLintTest {
    private static final Path EXAMPLE = Path.of("..", "docs", "placeholders-example.yml");
    /** A placeholder as pySigma's expand modifier finds it. */
    private static final Pattern PLACEHOLDER = Pattern.compile("%\\w+%");
    private static final Pattern RULE_NAMED = Pattern.compile(": error: rule '[^']+' uses placeholder '%\\w+%', .*\\[placeholder]$");

    @Test
    void everyRuleCompilesWithTheExamplePlaceholders() throws IOException {
        List<String> args = new ArrayList<>(List.of("lint", "--placeholders", EXAMPLE.toString()));
        rulesFolders().forEach(folder -> args.add(folder.toString()));
        Cli.Result result = Cli.run(args.toArray(new String[0]));
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().lines().noneMatch(line -> line.contains(": error: ")), result.out());
        assertTrue(result.out().contains(" compiled, 0 rejected: 0 errors, "), result.out());
    }

    @Test
    void withoutPlaceholdersOnlyThePlaceholderRulesAreRefusedEachByName() throws IOException {
        List<String> args = new ArrayList<>(List.of("lint"));
        List<Path> folders = rulesFolders();
        folders.forEach(folder -> args.add(folder.toString()));
        Cli.Result result = Cli.run(args.toArray(new String[0]));
        assertEquals(3, result.exitCode(), result.toString());
        Set<String> refused = new TreeSet<>();
        for (String line : result.out().lines().filter(line -> line.contains(": error: ")).toList()) {
            assertTrue(RULE_NAMED.matcher(line).find(), "not a placeholder refusal naming its rule: " + line);
            refused.add(line.substring(0, line.indexOf(".yml:") + 4));
        }
        assertEquals(placeholderRuleFiles(folders), refused);
        System.out.println("without placeholders: " + refused.size() + " rules refused");
    }

    private static List<Path> rulesFolders() throws IOException {
        Path rules = CorpusPath.folder("rules");
        try (Stream<Path> children = Files.list(rules.getParent())) {
            return children.filter(path -> path.getFileName().toString().startsWith("rules") && Files.isDirectory(path))
                    .sorted().toList();
        }
    }

    /** Files with an expand modifier and a placeholder pySigma would expand. */
    private static Set<String> placeholderRuleFiles(List<Path> folders) throws IOException {
        Set<String> files = new TreeSet<>();
        for (Path folder : folders) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(path -> path.toString().endsWith(".yml")).toList()) {
                    String text = Files.readString(file);
                    if (text.contains("|expand") && PLACEHOLDER.matcher(text).find()) {
                        files.add(file.toString());
                    }
                }
            }
        }
        return files;
    }
}
