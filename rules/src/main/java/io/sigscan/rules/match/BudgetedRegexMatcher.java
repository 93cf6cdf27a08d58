package io.sigscan.rules.match;

import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import org.agrona.DirectBuffer;

/**
 * Sigma's {@code re} on java.util.regex, for patterns RE2J refuses. Backtracking can take
 * exponential time, so the value is read through a {@link CharSequence} that counts character
 * reads and aborts the search when a budget is spent: the value then counts as not matching
 * and {@link #budgetExhaustions()} goes up, so a scan can report it.
 *
 * <p>Cost: each call decodes the value into a {@code String} and allocates a matcher; aborting
 * uses a preallocated exception without a stack trace, the only way to stop java.util.regex.
 */
final class BudgetedRegexMatcher extends ValueMatcher {
    private static final BudgetExhausted BUDGET_EXHAUSTED = new BudgetExhausted();

    private final Pattern pattern;
    private final long stepBudget;
    private final LongAdder exhaustions = new LongAdder();

    BudgetedRegexMatcher(Pattern pattern, long stepBudget) {
        this.pattern = pattern;
        this.stepBudget = stepBudget;
    }

    @Override
    public int cost() {
        return REGEX;
    }

    @Override
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        final CountingText text = new CountingText(buffer.getStringWithoutLengthUtf8(offset, length), stepBudget);
        try {
            return pattern.matcher(text).find();
        } catch (BudgetExhausted spent) {
            exhaustions.increment();
            return false;
        }
    }

    @Override
    public long budgetExhaustions() {
        return exhaustions.sum();
    }

    @Override
    public String toString() {
        return "re(" + pattern.pattern() + ", budget " + stepBudget + ")";
    }

    /** A value that throws {@link BudgetExhausted} once more than the budget of chars were read. */
    private static final class CountingText implements CharSequence {
        private final String text;
        private long remaining;

        CountingText(String text, long budget) {
            this.text = text;
            this.remaining = budget;
        }

        @Override
        public char charAt(int index) {
            if (--remaining < 0) {
                throw BUDGET_EXHAUSTED;
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static final class BudgetExhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExhausted() {
            super("regex step budget exhausted", null, false, false);
        }
    }
}
