package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

/** The pattern {@code *}: every scalar value passes, the empty one included. */
final class AnyValueMatcher extends ValueMatcher {
    static final AnyValueMatcher INSTANCE = new AnyValueMatcher();

    private AnyValueMatcher() {
    }

    @Override
    public int cost() {
        return BOUNDED;
    }

    @Override
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        return true;
    }

    @Override
    public String toString() {
        return "any";
    }
}
