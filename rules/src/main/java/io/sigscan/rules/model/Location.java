package io.sigscan.rules.model;

/** A position in a rule file: 1-based line and column, as editors and compilers print them. */
public record Location(String file, int line, int column) {

    /** A location for things that come from no file (built-in rules, tests). */
    public static Location unknown(String what) {
        return new Location(what, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
