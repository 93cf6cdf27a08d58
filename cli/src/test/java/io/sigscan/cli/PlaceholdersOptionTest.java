package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --placeholders} on hunt and lint: values for {@code expand}, and rules refused without them. */
class PlaceholdersOptionTest {
    private static final String ADMIN_RULE = """
            title: Logon by an admin account
            id: 6f0d9c1e-2c55-4b0e-9d4a-7b1f3a0c5e11
            logsource:
                product: windows
                category: process_creation
            detection:
                selection:
                    User|expand: '%admins%'
                condition: selection
            level: high
            """;

    @TempDir
    Path directory;
    private Path rule;
    private Path values;
    private Path events;

    @BeforeEach
    void writeFixtures() throws IOException {
        rule = Fixtures.write(directory, "rules/admin.yml", ADMIN_RULE);
        values = Fixtures.write(directory, "placeholders.yml", "admins:\n  - 'CORP\\adm_*'\n  - root\n");
        events = Fixtures.write(directory, "events.jsonl", Fixtures.lines(
                "{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"User\":\"CORP\\\\adm_bob\"}",
                "{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"User\":\"CORP\\\\bob\"}",
                "{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"User\":\"ROOT\"}"));
    }

    @Test
    void huntExpandsPlaceholdersFromTheFile() {
        Cli.Result result = Cli.run("hunt", "-q", "--placeholders", values.toString(), "-r", rule.toString(), events.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(2, result.out().lines().count(), result.toString());
        assertTrue(result.out().contains("adm_bob") && result.out().contains("ROOT"), result.out());
    }

    @Test
    void lintWithoutTheFileRefusesTheRuleByNameAndPlaceholder() {
        Cli.Result result = Cli.run("lint", rule.toString());
        assertEquals(3, result.exitCode(), result.toString());
        assertEquals(rule + ":8:22: error: rule 'Logon by an admin account' uses placeholder '%admins%', which has no "
                + "value; give it in a placeholders file [placeholder]\n"
                + "0 rules compiled, 1 rejected: 1 error, 0 warnings\n", result.out());
        assertEquals(0, Cli.run("lint", "--placeholders", values.toString(), rule.toString()).exitCode());
    }

    @Test
    void aMissingFileIsAUsageErrorAndABadOneIsReportedWhereItIsWrong() throws IOException {
        Cli.Result missing = Cli.run("lint", "--placeholders", directory.resolve("nope.yml").toString(), rule.toString());
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("--placeholders: no such file: "), missing.err());

        Path bad = Fixtures.write(directory, "bad.yml", "admins: [root]\nothers: {a: b}\n");
        Cli.Result result = Cli.run("lint", "--placeholders", bad.toString(), rule.toString());
        assertEquals(3, result.exitCode(), result.toString());
        assertTrue(result.out().startsWith(bad + ":2:9: error: a value of placeholder 'others' is a mapping; values are "
                + "strings or numbers [placeholder]\n"), result.out());
        assertTrue(result.out().endsWith("1 rule compiled, 0 rejected: 1 error, 0 warnings\n"), result.out());
    }
}
