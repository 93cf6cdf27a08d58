package io.sigscan.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import io.sigscan.engine.ScanProblem;

class InputProblemReporterTest {

    @Test
    void printsProblemsWithLocationUntilTheLimitThenCountsSilently() {
        StringWriter err = new StringWriter();
        InputProblemReporter reporter = new InputProblemReporter(new PrintWriter(err), 2);
        for (int line = 1; line <= 7; line++) {
            reporter.onProblem(new ScanProblem("a.jsonl", line * 10L, line, "bad-json", "expected '\"'"));
        }
        String newline = System.lineSeparator();
        assertEquals("a.jsonl:1 (byte 10): bad-json: expected '\"'" + newline
                + "a.jsonl:2 (byte 20): bad-json: expected '\"'" + newline
                + "(further input problems are counted but not shown; --verbose shows all)" + newline, err.toString());
        assertEquals(7, reporter.count());
        assertEquals(InputProblemReporter.KEPT_FOR_SUMMARY, reporter.first().size());
        assertEquals(1, reporter.first().get(0).line());
    }
}
