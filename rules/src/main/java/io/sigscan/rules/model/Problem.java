package io.sigscan.rules.model;

/**
 * Something wrong with a rule file, found while loading or compiling it. Printed the way
 * compilers print diagnostics: {@code file:line:col: error: message}.
 *
 * @param location where it is
 * @param severity errors reject the rule (or the document); warnings do not
 * @param kind     a stable short name such as {@code yaml}, {@code unknown-modifier},
 *                 {@code condition}, {@code metadata}; tests and tools key on it
 * @param message  what is wrong, quoting the offending text, and what would be accepted
 */
public record Problem(Location location, Severity severity, String kind, String message) {

    public enum Severity {
        ERROR, WARNING;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return location + ": " + severity + ": " + message + " [" + kind + "]";
    }
}
