package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
    @TempDir
    Path directory;

    @Test
    void printsEveryProblemAsFileLineColumnThenACountAndExitsThree() throws IOException {
        Path good = Fixtures.write(directory, "rules/good.yml", Fixtures.NODE_SHELL_RULE);
        Path broken = Fixtures.write(directory, "rules/broken.yml", Fixtures.BROKEN_RULE);
        Cli.Result result = Cli.run("lint", good.getParent().toString());
        assertEquals(3, result.exitCode(), result.toString());
        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).startsWith(broken + ":9:"), result.out());
        assertTrue(lines.get(0).contains(": error: "), result.out());
        assertTrue(lines.get(0).contains("frobnicate"), "the message quotes the offending text: " + lines.get(0));
        assertTrue(lines.get(lines.size() - 1).startsWith("1 rule compiled, 1 rejected: 1 error, "), result.out());
    }

    @Test
    void exitsZeroForCleanRules() throws IOException {
        Path good = Fixtures.write(directory, "rules/good.yml", Fixtures.NODE_SHELL_RULE);
        Cli.Result result = Cli.run("lint", good.toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("1 rule compiled, 0 rejected: 0 errors, 0 warnings\n", result.out());
    }

    @Test
    void bundledRulesHaveNoErrors() {
        Cli.Result result = Cli.run("lint");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("12 rules compiled, 0 rejected: 0 errors"), result.out());
    }

    @Test
    void strictFailsOnWarningsToo() throws IOException {
        Path noId = Fixtures.write(directory, "rules/no-id.yml", Fixtures.NODE_SHELL_RULE.replace("id: ", "id: not-a-uuid-"));
        Cli.Result lenient = Cli.run("lint", noId.toString());
        Cli.Result strict = Cli.run("lint", "--strict", noId.toString());
        assertTrue(lenient.out().contains(": warning: "), lenient.toString());
        assertEquals(0, lenient.exitCode(), lenient.toString());
        assertEquals(3, strict.exitCode(), strict.toString());
    }
}
