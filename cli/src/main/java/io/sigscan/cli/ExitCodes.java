package io.sigscan.cli;

/**
 * The process exit codes, documented in every command's help. When several apply, the highest
 * wins: a hunt that found matches but could not read some input exits 4, so that a scheduled job
 * notices the gap (its matches are still written).
 */
final class ExitCodes {
    static final int NO_MATCH = 0;
    static final int MATCHES = 1;
    static final int USAGE = 2;
    static final int RULE_ERRORS = 3;
    static final int INPUT_ERRORS = 4;
    static final int INTERNAL = 5;
    static final int STATE_LOCKED = 6;

    static final String HEADING = "%nExit codes (when several apply, the highest wins):%n";
    static final String LIST_0 = "0:ran to the end, no match";
    static final String LIST_1 = "1:ran to the end, matches found";
    static final String LIST_2 = "2:usage error: unknown option, bad value, missing argument";
    static final String LIST_3 = "3:rule errors: a rule was rejected and --strict was given, or no rule could be loaded"
            + " (lint: any error)";
    static final String LIST_4 = "4:input errors: some inputs or records could not be read or were damaged; the scan still completed";
    static final String LIST_5 = "5:internal error or output not writable (run with --debug for details)";
    static final String LIST_6 = "6:hunt --state: another run holds the state directory; nothing was scanned";

    private ExitCodes() {
    }

    /** The exit code of a completed scan. */
    static int ofScan(long matches, long inputErrors) {
        if (inputErrors > 0) {
            return INPUT_ERRORS;
        }
        return matches > 0 ? MATCHES : NO_MATCH;
    }
}
