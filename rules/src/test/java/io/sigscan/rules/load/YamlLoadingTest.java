package io.sigscan.rules.load;

import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.Problem;
import io.sigscan.rules.model.SigmaRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.sigscan.rules.load.RuleTexts.load;
import static io.sigscan.rules.load.RuleTexts.onlyProblem;
import static io.sigscan.rules.load.RuleTexts.rendered;
import static io.sigscan.rules.load.RuleTexts.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile and broken YAML, files and directories: always problems with locations, never exceptions. */
class YamlLoadingTest {

    private static final String GOOD = rule("sel:\n    a: 1\ncondition: sel");

    @TempDir
    Path dir;

    @Test
    void duplicateKeyIsAnErrorNamingBothLocations() {
        Problem problem = onlyProblem("title: one\ntitle: two\n" + GOOD.substring(GOOD.indexOf('\n') + 1));
        assertEquals(new Problem(new Location("test.yml", 2, 1), Problem.Severity.ERROR, "duplicate-key",
                "duplicate key 'title' (first defined at test.yml:1:1); each key may appear once"), problem);
    }

    @Test
    void duplicateKeyInsideDetectionRejectsTheRule() {
        LoadResult result = load(rule("sel:\n    a: 1\n    a: 2\ncondition: sel"));
        assertEquals(List.of("test.yml:8:9: error: duplicate key 'a' (first defined at test.yml:7:9); each key may appear once [duplicate-key]"),
                rendered(result));
        assertEquals(List.of(), result.rules());
    }

    @Test
    void customTagsAreReportedNeverConstructed() {
        LoadResult result = load("title: !!java.net.URL [\"http://example.com\"]\nx: !custom 1\n---\n" + GOOD);
        assertEquals(List.of(
                "test.yml:1:8: error: YAML tag '!!java.net.URL' is not allowed in rules; only plain strings, numbers, booleans, null, lists and mappings are [yaml-tag]",
                "test.yml:2:4: error: YAML tag '!custom' is not allowed in rules; only plain strings, numbers, booleans, null, lists and mappings are [yaml-tag]"),
                rendered(result));
        assertEquals(1, result.rules().size());
    }

    @Test
    void standardExplicitTagsAreAccepted() {
        LoadResult result = load(rule("sel:\n    a: !!str 0x10\n    b: !!int '0x10'\ncondition: sel"));
        assertEquals(List.of(), result.problems());
        assertEquals(RuleTexts.and(RuleTexts.match("a", RuleTexts.lit("0x10")), RuleTexts.match("b", RuleTexts.lit("16"))),
                result.rules().get(0).detection());
    }

    @Test
    void aliasBombBeyondTwentyAliasesIsRefused() {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        String previous = "a";
        for (String name : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
            bomb.append(name).append(": &").append(name).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
            previous = name;
        }
        Problem problem = onlyProblem(bomb.toString());
        assertEquals(new Problem(new Location("test.yml", 1, 1), Problem.Severity.ERROR, "yaml",
                "YAML document rejected: Number of aliases for non-scalar nodes exceeds the specified max=20"), problem);
    }

    @Test
    void aliasExpansionWithinTheAliasLimitIsStillBounded() {
        StringBuilder bomb = new StringBuilder("a: &a [").append(String.join(",", java.util.Collections.nCopies(1000, "x")))
                .append("]\n");
        String previous = "a";
        for (String name : List.of("b", "c", "d", "e", "f")) {
            bomb.append(name).append(": &").append(name).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(4, "*" + previous))).append("]\n");
            previous = name;
        }
        assertEquals("YAML document has more than 100000 nodes, counting each alias as the nodes it repeats",
                onlyProblem(bomb.toString()).message());
    }

    @Test
    void selfReferencingAliasIsRefused() {
        assertEquals("YAML nesting is deeper than 64 levels (or an alias refers to its own ancestor)",
                onlyProblem("a: &a [*a]\n").message());
    }

    @Test
    void deepNestingIsRefused() {
        Problem problem = onlyProblem("a: " + "[".repeat(1000) + "]".repeat(1000) + "\n");
        assertEquals(new Problem(new Location("test.yml", 1, 1), Problem.Severity.ERROR, "yaml",
                "YAML document rejected: Nesting Depth exceeded max 64"), problem);
    }

    @Test
    void tabIndentationIsASyntaxErrorAtTheTab() {
        Problem problem = onlyProblem("title: x\n\tlogsource: y\n");
        assertEquals(new Problem(new Location("test.yml", 2, 1), Problem.Severity.ERROR, "yaml",
                "YAML syntax error: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for "
                        + "indentation) (while scanning for the next token)"), problem);
    }

    @Test
    void syntaxErrorInOneDocumentDoesNotHideTheNext() {
        LoadResult result = load("title: broken\nlogsource: [a\n---\n" + GOOD + "---\n" + GOOD);
        assertEquals(List.of("test.yml:3:1: error: YAML syntax error: expected ',' or ']', but got <stream end> "
                + "(while parsing a flow sequence) [yaml]"), rendered(result));
        assertEquals(2, result.rules().size());
        assertEquals(new Location("test.yml", 4, 1), result.rules().get(0).info().location());
        assertEquals(new Location("test.yml", 13, 1), result.rules().get(1).info().location());
    }

    @Test
    void directivesStayWithTheDocumentTheyPrecede() {
        LoadResult result = load(GOOD + "%YAML 1.1\n---\n" + GOOD);
        assertEquals(List.of(), result.problems());
        assertEquals(2, result.rules().size());
    }

    @Test
    void emptyTextIsAWarningNotASilentSkip() {
        assertEquals(new Problem(new Location("test.yml", 0, 0), Problem.Severity.WARNING, "yaml",
                "file holds no YAML document, so no rule"), onlyProblem("# only a comment\n"));
    }

    @Test
    void nonMappingDocumentIsAnError() {
        assertEquals("a rule document must be a mapping with title, logsource and detection, not a list",
                onlyProblem("- a\n- b\n").message());
    }

    @Test
    void unprintableCharacterIsAProblem() {
        Problem problem = onlyProblem("title: a\u0001b\n");
        assertEquals("yaml", problem.kind());
        assertTrue(problem.message().contains("special characters are not allowed"), problem.message());
    }

    // --- files and directories ---------------------------------------------------------------

    @Test
    void invalidUtf8IsReportedWithLineAndColumn() throws IOException {
        Path file = dir.resolve("bad.yml");
        byte[] head = "title: x\nauthor: caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = '\n';
        Files.write(file, bytes);
        LoadResult result = RuleLoader.defaults().load(List.of(file));
        assertEquals(List.of(new Problem(new Location(file.toString(), 2, 12), Problem.Severity.ERROR, "encoding",
                "invalid UTF-8 byte 0xc3 at byte offset 20; rule files must be UTF-8")), result.problems());
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        Path file = dir.resolve("bom.yml");
        Files.writeString(file, "\uFEFF" + GOOD);
        LoadResult result = RuleLoader.defaults().load(List.of(file));
        assertEquals(List.of(), result.problems());
        assertEquals("Test rule", result.rules().get(0).info().title());
    }

    @Test
    void fileOverEightMebibytesIsRefused() throws IOException {
        Path file = dir.resolve("huge.yml");
        Files.write(file, new byte[RuleFileReader.MAX_FILE_BYTES + 1]);
        LoadResult result = RuleLoader.defaults().load(List.of(file));
        assertEquals(List.of(new Problem(new Location(file.toString(), 0, 0), Problem.Severity.ERROR, "io",
                "rule file is larger than 8388608 bytes (8 MiB); rule files are small, this is not one")), result.problems());
    }

    @Test
    void missingPathIsAnError() {
        Path missing = dir.resolve("nope");
        LoadResult result = RuleLoader.defaults().load(List.of(missing));
        assertEquals(List.of(new Problem(new Location(missing.toString(), 0, 0), Problem.Severity.ERROR, "io",
                "no such file or directory")), result.problems());
    }

    @Test
    void specialFileIsRefusedWithoutReadingIt() throws Exception {
        Path fifo = dir.resolve("pipe.yml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");
        LoadResult result = RuleLoader.defaults().load(List.of(fifo));
        assertEquals(List.of(new Problem(new Location(fifo.toString(), 0, 0), Problem.Severity.ERROR, "io",
                "not a regular file or directory")), result.problems());
    }

    @Test
    void directoriesAreWalkedRecursivelyInSortedOrder() throws IOException {
        Files.createDirectories(dir.resolve("b/inner"));
        Files.createDirectories(dir.resolve(".hidden"));
        write("b/inner/z.yml", "Z");
        write("b/a.yaml", "BA");
        write("a.yml", "A");
        write("c.yml", "C");
        write("notes.txt", "ignored");
        write(".hidden/h.yml", "hidden");
        LoadResult result = RuleLoader.defaults().load(List.of(dir));
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("A", "BA", "Z", "C"), result.rules().stream().map(rule -> rule.info().title()).toList());
    }

    @Test
    void manyFilesComeOutInFileOrderThoughLoadedInParallel() throws IOException {
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String title = String.format("R%03d", i);
            expected.add(title);
            write(title + ".yml", title);
        }
        write("R150-broken.yml", "[");
        LoadResult result = RuleLoader.defaults().load(List.of(dir));
        assertEquals(expected, result.rules().stream().map(rule -> rule.info().title()).toList());
        assertEquals(List.of(dir.resolve("R150-broken.yml").toString()),
                result.problems().stream().map(problem -> problem.location().file()).toList());
    }

    @Test
    void symbolicLinkLoopIsReportedAndNotFollowed() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        write("rules/r.yml", "R");
        Path link = dir.resolve("rules/loop");
        Files.createSymbolicLink(link, dir.resolve("rules"));
        LoadResult result = RuleLoader.defaults().load(List.of(dir.resolve("rules")));
        assertEquals(List.of(new Problem(new Location(link.toString(), 0, 0), Problem.Severity.ERROR, "io",
                "directory loop: this link leads back to enclosing directory " + dir.resolve("rules").toRealPath()
                        + "; not followed")), result.problems());
        assertEquals(List.of("R"), result.rules().stream().map(rule -> rule.info().title()).toList());
    }

    @Test
    void symbolicLinkToAnotherFolderIsFollowed() throws IOException {
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.createDirectories(dir.resolve("rules"));
        write("elsewhere/e.yml", "E");
        Files.createSymbolicLink(dir.resolve("rules/linked"), dir.resolve("elsewhere"));
        LoadResult result = RuleLoader.defaults().load(List.of(dir.resolve("rules")));
        assertEquals(List.of("E"), result.rules().stream().map(rule -> rule.info().title()).toList());
    }

    /** Named twice, inside a directory also named, and through a link: one file, one rule. */
    @Test
    void aRuleFileReachedSeveralWaysLoadsOnce() throws IOException {
        Files.createDirectories(dir.resolve("rules/sub"));
        write("rules/sub/r.yml", "R");
        write("rules/other.yml", "O");
        Files.createSymbolicLink(dir.resolve("rules/link.yml"), dir.resolve("rules/sub/r.yml"));
        Path file = dir.resolve("rules/sub/r.yml");
        LoadResult result = RuleLoader.defaults().load(List.of(file, file, dir.resolve("rules"), dir.resolve("rules/sub/../sub/r.yml")));
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("R", "O"), result.rules().stream().map(rule -> rule.info().title()).toList());
    }

    @Test
    void brokenSymbolicLinkToARuleFileIsAnError() throws IOException {
        Path link = dir.resolve("gone.yml");
        Files.createSymbolicLink(link, dir.resolve("missing-target.yml"));
        LoadResult result = RuleLoader.defaults().load(List.of(dir));
        assertEquals(List.of(new Problem(new Location(link.toString(), 0, 0), Problem.Severity.ERROR, "io",
                "not a readable regular file (a broken link?)")), result.problems());
    }

    @Test
    void fileNamedExplicitlyLoadsWhateverItsExtension() throws IOException {
        Path file = write("rule.txt", "T");
        assertEquals(List.of("T"), RuleLoader.defaults().load(List.of(file)).rules().stream()
                .map(rule -> rule.info().title()).toList());
    }

    @Test
    void locationsNameTheFileTheyComeFrom() throws IOException {
        Path file = write("x.yml", "X");
        SigmaRule rule = RuleLoader.defaults().load(List.of(file)).rules().get(0);
        assertEquals(new Location(file.toString(), 1, 1), rule.info().location());
    }

    private Path write(String relative, String title) throws IOException {
        Path file = dir.resolve(relative);
        Files.writeString(file, "title: " + title + "\n" + GOOD.substring(GOOD.indexOf('\n') + 1));
        return file;
    }
}
