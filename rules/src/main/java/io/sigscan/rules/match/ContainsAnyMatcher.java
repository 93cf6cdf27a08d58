package io.sigscan.rules.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.agrona.DirectBuffer;

import io.sigscan.rules.ir.ValueTest;

/**
 * Several case-insensitive {@code contains} tests on one field, OR-ed, in one pass over the
 * value: one {@link NeedleSearch} over the needles instead of one search per needle (SigmaHQ
 * rules often list dozens of command-line fragments). A value holding a character that defeats
 * ASCII folding is tested needle by needle with the exact matchers instead.
 */
public final class ContainsAnyMatcher extends ValueMatcher {
    private final NeedleSearch needles;
    private final ValueMatcher[] exact;

    private ContainsAnyMatcher(NeedleSearch needles, ValueMatcher[] exact) {
        this.needles = needles;
        this.exact = exact;
    }

    /**
     * The lower-cased needle of {@code test} when it is a case-insensitive {@code contains} of
     * ASCII text ({@code *text*}, no other wildcard), which this matcher can merge; null otherwise.
     */
    public static String mergeableNeedle(ValueTest test) {
        if (!(test instanceof ValueTest.Pattern pattern) || pattern.cased()) {
            return null;
        }
        List<ValueTest.Part> parts = PatternMatchers.normalise(pattern.parts());
        if (parts.size() != 3 || !(parts.get(0) instanceof ValueTest.AnyString)
                || !(parts.get(1) instanceof ValueTest.Literal literal) || !(parts.get(2) instanceof ValueTest.AnyString)) {
            return null;
        }
        for (int i = 0; i < literal.text().length(); i++) {
            if (literal.text().charAt(i) >= 0x80) {
                return null;
            }
        }
        return literal.text().toLowerCase(Locale.ROOT);
    }

    /** One matcher for all of {@code tests}, each of which has a {@link #mergeableNeedle}. */
    public static ContainsAnyMatcher of(List<ValueTest> tests) {
        List<String> needles = new ArrayList<>();
        ValueMatcher[] exact = new ValueMatcher[tests.size()];
        for (int i = 0; i < tests.size(); i++) {
            String needle = mergeableNeedle(tests.get(i));
            if (needle == null) {
                throw new IllegalArgumentException("not a mergeable contains test: " + tests.get(i));
            }
            if (!needles.contains(needle)) {
                needles.add(needle);
            }
            exact[i] = forTest(tests.get(i));
        }
        int[] ids = new int[needles.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        return new ContainsAnyMatcher(NeedleSearch.build(needles, ids), exact);
    }

    @Override
    public boolean matches(DirectBuffer buffer, int offset, int length) {
        return switch (needles.findAny(buffer, offset, length)) {
            case NeedleSearch.STOPPED -> true;
            case NeedleSearch.FOLDING_DEFEATED -> anyExactMatches(buffer, offset, length);
            default -> false;
        };
    }

    private boolean anyExactMatches(DirectBuffer buffer, int offset, int length) {
        for (ValueMatcher matcher : exact) {
            if (matcher.matches(buffer, offset, length)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "contains-any(" + exact.length + " needles)";
    }
}
