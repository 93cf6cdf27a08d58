package io.sigscan.rules.match;

/**
 * A value test that cannot be turned into a matcher, such as a regular expression neither regex
 * engine accepts. The message quotes the pattern and says why.
 */
public final class UnsupportedPatternException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedPatternException(String message) {
        super(message);
    }
}
