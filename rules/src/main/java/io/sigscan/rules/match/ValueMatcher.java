package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.UncheckedReads;
import io.sigscan.rules.ir.ValueTest;

/**
 * Decides whether one field value, a run of UTF-8 bytes, passes a Sigma value test. Immutable and
 * shared by every scan thread.
 *
 * <p>Hot path: implementations are called for each value of each tested field of each event and
 * must not allocate, except where a subclass documents it (regular expressions).
 */
public abstract class ValueMatcher {

    /** Cost class of a matcher that reads a bounded part of the value (equality, prefix, suffix, number). */
    public static final int BOUNDED = 1;
    /** Cost class of a matcher that reads the whole value once ({@code contains}, globs, merged needles). */
    public static final int LINEAR = 4;
    /** Cost class of a matcher that may run a regex engine: copies, allocation, many steps per byte. */
    public static final int REGEX = 40;

    ValueMatcher() {
    }

    /**
     * What one call costs, roughly, as one of {@link #BOUNDED}, {@link #LINEAR} and {@link #REGEX}
     * (the numbers are relative weights): compiled {@code and}s and {@code or}s test their
     * cheapest operands first, so an expensive test runs only when the cheap ones leave the
     * answer open.
     */
    public int cost() {
        return LINEAR;
    }

    /**
     * Whether the {@code length} bytes of UTF-8 at {@code offset} of {@code buffer} pass the test.
     *
     * @throws IndexOutOfBoundsException when they do not lie within the buffer
     */
    public final boolean matches(DirectBuffer buffer, int offset, int length) {
        // One range check per value: the matchers' loops read unchecked within it (UncheckedReads).
        UncheckedReads.checkRange(buffer, offset, offset + length);
        return matchesInBounds(buffer, offset, length);
    }

    /** {@link #matches}, for a range already known to lie within the buffer. */
    abstract boolean matchesInBounds(DirectBuffer buffer, int offset, int length);

    /**
     * How many values this matcher gave up on because they exhausted its step budget (and were
     * therefore treated as not matching). Zero for every matcher that runs in linear time.
     */
    public long budgetExhaustions() {
        return 0;
    }

    /** {@link #forTest(ValueTest, RegexBudget)} with no limit on regexes beyond each one's own. */
    public static ValueMatcher forTest(ValueTest test) {
        return forTest(test, RegexBudget.unlimited());
    }

    /**
     * The matcher for a value test: the cheapest specialisation its shape allows. A regex's
     * program is charged to {@code regexBudget}.
     *
     * @throws UnsupportedPatternException for a regular expression that no engine accepts, or that
     *         would overdraw the budget
     * @throws IllegalArgumentException for a network the loader should have refused
     */
    public static ValueMatcher forTest(ValueTest test, RegexBudget regexBudget) {
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
            return CidrMatcher.of(CidrNetwork.parse(cidr.network()));
        }
        return RegexMatchers.forRegex((ValueTest.Regex) test, regexBudget);
    }
}
