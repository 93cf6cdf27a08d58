package io.sigscan.rules.load;

import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.Problem;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one load in the order they are found. */
final class ProblemSink {

    private final List<Problem> problems = new ArrayList<>();
    private int errors;
    private int rejected;

    void error(Location location, String kind, String message) {
        problems.add(new Problem(location, Problem.Severity.ERROR, kind, message));
        errors++;
    }

    void warning(Location location, String kind, String message) {
        problems.add(new Problem(location, Problem.Severity.WARNING, kind, message));
    }

    /** Counts a document (or a file) left out for its errors: what summaries call a rejected rule. */
    void rejected() {
        rejected++;
    }

    /** Documents and files left out so far; a document with three errors counts once. */
    int rejectedCount() {
        return rejected;
    }

    /** Errors so far; callers compare two readings to learn whether a step failed. */
    int errorCount() {
        return errors;
    }

    List<Problem> problems() {
        return problems;
    }
}
