package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint refuses Sigma 1.0 constructs one error each, at the construct, without a stack trace. */
class LegacySyntaxLintTest {
    private static final String HEADER = "title: Legacy\nlogsource:\n    product: windows\n    service: security\n";

    @TempDir
    Path directory;

    @Test
    void eachLegacyConstructIsAnErrorAtItsLine() throws IOException {
        Path count = Fixtures.write(directory, "rules/count.yml", HEADER + """
                detection:
                    selection:
                        EventID: 4625
                    timeframe: 10m
                    condition: selection | count(TargetUserName) by IpAddress > 10
                """);
        Path near = Fixtures.write(directory, "rules/near.yml", HEADER + """
                detection:
                    first:
                        EventID: 4624
                    second:
                        EventID: 4672
                    condition: first | near second
                """);
        Path unpiped = Fixtures.write(directory, "rules/unpiped.yml", HEADER + """
                detection:
                    selection:
                        EventID: 4625
                    condition: count(TargetUserName) per IpAddress > 200 and selection
                """);
        Path global = Fixtures.write(directory, "rules/global.yml", """
                action: global
                title: Collection
                detection:
                    selection:
                        EventID: 1
                    condition: selection
                ---
                logsource:
                    product: windows
                """);
        Cli.Result result = Cli.run("lint", directory.resolve("rules").toString());
        assertEquals(3, result.exitCode(), result.toString());
        assertEquals(List.of(
                count + ":8:5: error: 'timeframe' in detection is Sigma 1.0 aggregation syntax and not supported; "
                        + "express it as a correlation rule [legacy-syntax]",
                count + ":9:26: error: aggregation '| count(TargetUserName) by IpAddress > 10' is Sigma 1.0 syntax and "
                        + "not supported; express it as a correlation rule [legacy-syntax]",
                global + ":1:1: error: 'action: global' is Sigma 1.0 rule-collection syntax and not supported; write each "
                        + "rule of the collection as a standalone rule [legacy-syntax]",
                global + ":8:1: error: document belongs to the Sigma 1.0 rule collection started at " + global
                        + ":1:1, which is not supported [legacy-syntax]",
                near + ":10:22: error: aggregation '| near second' is Sigma 1.0 syntax and not supported; express it "
                        + "as a correlation rule [legacy-syntax]",
                unpiped + ":8:16: error: aggregation 'count(TargetUserName) per IpAddress > 200 and selection' is Sigma "
                        + "1.0 syntax and not supported; express it as a correlation rule [legacy-syntax]",
                "0 rules compiled, 5 rejected: 6 errors, 0 warnings"), result.out().lines().toList()); // count.yml: one rule, two errors
        assertEquals("", result.err());
    }

    @Test
    void theCorpusUnsupportedFolderIsRefusedWithoutAStackTrace() {
        Path unsupported = CorpusPath.folder("unsupported");
        Cli.Result result = Cli.run("lint", unsupported.toString());
        assertEquals(3, result.exitCode(), result.toString());
        assertFalse(result.out().contains("Exception") || result.err().contains("Exception"), result.toString());
        long legacy = result.out().lines().filter(line -> line.endsWith("[legacy-syntax]")).count();
        System.out.println("lint of unsupported/: " + legacy + " legacy-syntax errors");
        assertEquals(true, legacy > 50, result.out());
    }
}
