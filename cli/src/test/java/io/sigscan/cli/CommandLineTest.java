package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void everyCommandDocumentsItsExitCodes() {
        for (String command : new String[] {"hunt", "lint", "demo"}) {
            Cli.Result help = Cli.run(command, "--help");
            assertEquals(0, help.exitCode(), command);
            assertTrue(help.out().startsWith("Usage: sigscan " + command), help.out());
            assertTrue(help.out().contains("Exit codes (when several apply, the highest wins):"), command + ": " + help.out());
            assertTrue(help.out().contains("  4   input errors: some inputs or records could not be read"), help.out());
            assertTrue(help.out().contains("  6   hunt --state: another run holds the state directory"), help.out());
            assertTrue(help.out().contains("--debug"), command + " inherits --debug");
        }
    }

    @Test
    void printsTheBuildVersionEverywhere() {
        for (String[] args : new String[][] {{"--version"}, {"hunt", "--version"}, {"demo", "-V"}}) {
            Cli.Result version = Cli.run(args);
            assertEquals(0, version.exitCode());
            assertTrue(version.out().matches("sigscan \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJava .*\n"), version.out());
        }
    }

    @Test
    void withoutACommandShowsUsageAndExitsTwo() {
        Cli.Result result = Cli.run();
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("sigscan: missing command (hunt, lint, demo, profile or generate)\nUsage: sigscan"), result.err());
    }

    @Test
    void suggestsTheClosestCommandForATypo() {
        Cli.Result result = Cli.run("hunr");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Did you mean: sigscan hunt?"), result.err());
    }
}
