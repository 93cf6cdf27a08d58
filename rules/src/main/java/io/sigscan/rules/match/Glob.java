package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

/**
 * The code-point wildcard matcher every pattern falls back to: the classic two-pointer glob
 * algorithm, which backtracks only to the most recent {@code *} and so runs in
 * O(value × pattern) time, never exponentially. A pattern is an array of tokens: code points
 * (already lower-cased when folding), {@link #STAR} and {@link #ANY_CHAR}.
 */
final class Glob {
    static final int STAR = Integer.MIN_VALUE;
    static final int ANY_CHAR = Integer.MIN_VALUE + 1;

    private Glob() {
    }

    static boolean matches(int[] tokens, boolean fold, DirectBuffer buffer, int offset, int length) {
        final int end = offset + length;
        final int count = tokens.length;
        int token = 0;
        int at = offset;
        int starToken = -1;
        int starAt = offset;
        while (at < end) {
            if (token < count) {
                final int expected = tokens[token];
                if (expected == STAR) {
                    starToken = token++;
                    starAt = at;
                    continue;
                }
                final long decoded = Utf8.decode(buffer, at, end);
                final int actual = fold ? Utf8.fold(Utf8.codePoint(decoded)) : Utf8.codePoint(decoded);
                if (expected == ANY_CHAR || expected == actual) {
                    at += Utf8.length(decoded);
                    token++;
                    continue;
                }
            }
            if (starToken < 0) {
                return false;
            }
            // Let the last star swallow one more character and retry the rest from there.
            token = starToken + 1;
            starAt += Utf8.length(Utf8.decode(buffer, starAt, end));
            at = starAt;
        }
        while (token < count && tokens[token] == STAR) {
            token++;
        }
        return token == count;
    }
}
