package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

import io.sigscan.rules.ir.ValueTest;

/** Sigma's {@code lt}/{@code lte}/{@code gt}/{@code gte}: the value's text as a decimal number against the bound. */
final class NumberMatcher extends ValueMatcher {
    private final ValueTest.Comparison comparison;
    private final DecimalText bound;
    private final String description;

    NumberMatcher(ValueTest.Compare test) {
        this.comparison = test.comparison();
        this.bound = new DecimalText(test.bound());
        this.description = comparison + " " + test.bound().toPlainString();
    }

    @Override
    public int cost() {
        return BOUNDED;
    }

    @Override
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        final int order = bound.compare(buffer, offset, length);
        return order != DecimalText.NOT_A_NUMBER && comparison.holds(order);
    }

    @Override
    public String toString() {
        return "number(" + description + ")";
    }
}
