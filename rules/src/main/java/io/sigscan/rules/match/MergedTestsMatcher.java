package io.sigscan.rules.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.agrona.DirectBuffer;

import io.sigscan.rules.ir.ValueTest;

/**
 * What the matchers merging an {@code or}'s tests on one field share: which tests they can take
 * (case-insensitive globs of one ASCII literal with a given shape), their distinct lower-cased
 * needles, and the exact matchers of every merged test, for the values holding a character
 * that defeats ASCII folding.
 */
abstract class MergedTestsMatcher extends ValueMatcher {
    private final ValueMatcher[] exact;

    MergedTestsMatcher(List<ValueTest> tests) {
        this.exact = tests.stream().map(ValueMatcher::forTest).toArray(ValueMatcher[]::new);
    }

    /**
     * The lower-cased literal of {@code test} when it is a case-insensitive glob of ASCII text
     * that starts with {@code *} and, when {@code endsWithAny}, ends with one ({@code *text*});
     * otherwise ({@code *text}) it ends with the literal. Null for any other test.
     */
    static String asciiLiteral(ValueTest test, boolean endsWithAny) {
        if (!(test instanceof ValueTest.Pattern pattern) || pattern.cased()) {
            return null;
        }
        List<ValueTest.Part> parts = PatternMatchers.normalise(pattern.parts());
        if (parts.size() != (endsWithAny ? 3 : 2) || !(parts.get(0) instanceof ValueTest.AnyString)
                || !(parts.get(1) instanceof ValueTest.Literal literal) || literal.text().isEmpty()
                || (endsWithAny && !(parts.get(2) instanceof ValueTest.AnyString))) {
            return null;
        }
        for (int i = 0; i < literal.text().length(); i++) {
            if (literal.text().charAt(i) >= 0x80) {
                return null;
            }
        }
        return literal.text().toLowerCase(Locale.ROOT);
    }

    /** The distinct needles of {@code tests}, in first-seen order; every test must have one. */
    static List<String> distinctNeedles(List<ValueTest> tests, Function<ValueTest, String> needleOf) {
        // A set, not a list search: IOC rules merge thousands of hashes into one matcher.
        Set<String> needles = new LinkedHashSet<>();
        for (ValueTest test : tests) {
            String needle = needleOf.apply(test);
            if (needle == null) {
                throw new IllegalArgumentException("not a test this matcher can merge: " + test);
            }
            needles.add(needle);
        }
        return new ArrayList<>(needles);
    }

    /** Whether one of the merged tests, run on its own, matches the value. */
    final boolean anyExactMatches(DirectBuffer buffer, int offset, int length) {
        for (ValueMatcher matcher : exact) {
            if (matcher.matchesInBounds(buffer, offset, length)) {
                return true;
            }
        }
        return false;
    }

    /** How many tests were merged. */
    final int mergedTests() {
        return exact.length;
    }
}
