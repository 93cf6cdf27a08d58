package io.sigscan.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import io.sigscan.engine.ScanProblem;
import io.sigscan.engine.ScanProblemHandler;

/**
 * Streams input problems to the error stream as the scan meets them, as
 * {@code file:line (byte N): kind: message}. On hostile input that would be millions of lines,
 * so after {@code limit} of them it says once that the rest are counted but not shown.
 * Keeps the first few for the closing summary.
 */
public final class InputProblemReporter implements ScanProblemHandler {
    static final int KEPT_FOR_SUMMARY = 5;

    private final PrintWriter err;
    private final long limit;
    private final List<ScanProblem> first = new ArrayList<>();
    private long count;

    /** @param limit how many problems to print; {@link Long#MAX_VALUE} for all */
    public InputProblemReporter(PrintWriter err, long limit) {
        this.err = err;
        this.limit = limit;
    }

    @Override
    public void onProblem(ScanProblem problem) {
        count++;
        if (first.size() < KEPT_FOR_SUMMARY) {
            first.add(problem);
        }
        if (count <= limit) {
            err.println(problem);
        } else if (count == limit + 1) {
            err.println("(further input problems are counted but not shown; --verbose shows all)");
        }
        err.flush();
    }

    /** The first problems met, for the summary. */
    public List<ScanProblem> first() {
        return List.copyOf(first);
    }

    public long count() {
        return count;
    }
}
