package io.sigscan.engine;

/** Receives input problems in input order, on the same thread as matches. */
@FunctionalInterface
public interface ScanProblemHandler {
    void onProblem(ScanProblem problem);
}
