package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

class FailureReportingTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("chunk queue corrupted");
        }
    }

    private static Cli.Result run(String... args) {
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err);
        CommandLine commandLine = Main.commandLine(new PrintWriter(new StringWriter()), errWriter);
        commandLine.addSubcommand(new Boom());
        commandLine.setErr(errWriter);
        int exitCode = commandLine.execute(args);
        errWriter.flush();
        return new Cli.Result(exitCode, "", err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void anUnexpectedExceptionIsOneLineWithAHintAndExitsFive() {
        Cli.Result result = run("boom");
        assertEquals(5, result.exitCode());
        assertEquals("sigscan: internal error: java.lang.IllegalStateException: chunk queue corrupted"
                + " (run with --debug for details)\n", result.err());
    }

    @Test
    void debugPrintsTheStackTrace() {
        Cli.Result result = run("boom", "--debug");
        assertEquals(5, result.exitCode());
        assertTrue(result.err().startsWith("java.lang.IllegalStateException: chunk queue corrupted\n\tat "), result.err());
    }
}
