package io.sigscan.rules.match;

import java.util.List;

import org.agrona.DirectBuffer;

import io.sigscan.rules.ir.ValueTest;

/**
 * Several case-insensitive {@code contains} tests on one field, OR-ed, in one pass over the
 * value: one {@link NeedleSearch} over the needles instead of one search per needle (SigmaHQ
 * rules often list dozens of command-line fragments). A value holding a character that defeats
 * ASCII folding is tested needle by needle with the exact matchers instead.
 */
public final class ContainsAnyMatcher extends MergedTestsMatcher {
    private final List<String> needleTexts;
    /**
     * Built on first use: most rules of a large set are never evaluated on a given log (their
     * log source is not in it, or their witness never turns up), and building every search up
     * front was a tenth of loading SigmaHQ's rules. Written racily: a search has only final
     * fields, so a thread sees one whole or builds its own.
     */
    private NeedleSearch needles;

    private ContainsAnyMatcher(List<String> needleTexts, List<ValueTest> tests) {
        super(tests);
        this.needleTexts = needleTexts;
    }

    /**
     * The lower-cased needle of {@code test} when it is a case-insensitive {@code contains} of
     * ASCII text ({@code *text*}, no other wildcard), which this matcher can merge; null otherwise.
     */
    public static String mergeableNeedle(ValueTest test) {
        return asciiLiteral(test, true);
    }

    /** One matcher for all of {@code tests}, each of which has a {@link #mergeableNeedle}. */
    public static ContainsAnyMatcher of(List<ValueTest> tests) {
        return new ContainsAnyMatcher(distinctNeedles(tests, ContainsAnyMatcher::mergeableNeedle), tests);
    }

    private NeedleSearch needles() {
        NeedleSearch search = needles;
        if (search == null) {
            int[] ids = new int[needleTexts.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i;
            }
            search = NeedleSearch.build(needleTexts, ids);
            needles = search;
        }
        return search;
    }

    @Override
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        return switch (needles().findAny(buffer, offset, length)) {
            case NeedleSearch.STOPPED -> true;
            case NeedleSearch.FOLDING_DEFEATED -> anyExactMatches(buffer, offset, length);
            default -> false;
        };
    }

    @Override
    public String toString() {
        return "contains-any(" + mergedTests() + " needles)";
    }
}
