package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

/** A Sigma value with wildcards in the middle or any {@code ?}: the general two-pointer glob. */
final class GlobMatcher extends ValueMatcher {
    private final int[] tokens;
    private final boolean fold;

    GlobMatcher(int[] tokens, boolean fold) {
        this.tokens = tokens;
        this.fold = fold;
    }

    @Override
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        return Glob.matches(tokens, fold, buffer, offset, length);
    }

    @Override
    public String toString() {
        return "glob(" + tokens.length + " tokens" + (fold ? ")" : ", cased)");
    }
}
