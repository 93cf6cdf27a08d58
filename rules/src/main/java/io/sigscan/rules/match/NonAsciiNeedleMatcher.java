package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

/**
 * A case-insensitive exact/startswith/endswith/contains needle with non-ASCII characters (e.g.
 * the dashes {@code windash} adds). ASCII characters fold only to ASCII, so an all-ASCII value
 * can never match and is rejected by a quick scan; other values take the code-point glob.
 */
final class NonAsciiNeedleMatcher extends ValueMatcher {
    private final int[] tokens;

    NonAsciiNeedleMatcher(int[] tokens) {
        this.tokens = tokens;
    }

    @Override
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        return Utf8.hasNonAscii(buffer, offset, length) && Glob.matches(tokens, true, buffer, offset, length);
    }

    @Override
    public String toString() {
        return "non-ascii-glob(" + tokens.length + " tokens)";
    }
}
