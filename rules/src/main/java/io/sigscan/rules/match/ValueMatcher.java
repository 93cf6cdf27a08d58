package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

import io.sigscan.rules.ir.ValueTest;

/**
 * Decides whether one field value, a run of UTF-8 bytes, passes a Sigma value test. Immutable and
 * shared by every scan thread.
 *
 * <p>Hot path: implementations are called for each value of each tested field of each event and
 * must not allocate, except where a subclass documents it (regular expressions).
 */
public abstract class ValueMatcher {

    ValueMatcher() {
    }

    /** Whether the {@code length} bytes of UTF-8 at {@code offset} of {@code buffer} pass the test. */
    public abstract boolean matches(DirectBuffer buffer, int offset, int length);

    /**
     * How many values this matcher gave up on because they exhausted its step budget (and were
     * therefore treated as not matching). Zero for every matcher that runs in linear time.
     */
    public long budgetExhaustions() {
        return 0;
    }

    /**
     * The matcher for a value test: the cheapest specialisation its shape allows.
     *
     * @throws UnsupportedPatternException for a regular expression that no engine accepts
     * @throws IllegalArgumentException for a network the loader should have refused
     */
    public static ValueMatcher forTest(ValueTest test) {
        if (test instanceof ValueTest.Pattern pattern) {
            return PatternMatchers.forPattern(pattern);
        }
        if (test instanceof ValueTest.Compare compare) {
            return new NumberMatcher(compare);
        }
        if (test instanceof ValueTest.TimePart timePart) {
            return new TimePartMatcher(timePart);
        }
        if (test instanceof ValueTest.Cidr cidr) {
            return new CidrMatcher(CidrNetwork.parse(cidr.network()));
        }
        return RegexMatchers.forRegex((ValueTest.Regex) test);
    }
}
