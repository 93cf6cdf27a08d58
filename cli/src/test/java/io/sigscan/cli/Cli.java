package io.sigscan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs sigscan in-process, as the launcher would, capturing both streams. */
final class Cli {

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out);
        PrintWriter errWriter = new PrintWriter(err);
        int exitCode = Main.commandLine(outWriter, errWriter).execute(args);
        outWriter.flush();
        errWriter.flush();
        return new Result(exitCode, out.toString().replace(System.lineSeparator(), "\n"),
                err.toString().replace(System.lineSeparator(), "\n"));
    }
}
