package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

import io.sigscan.rules.ir.ValueTest;

/** Sigma's time modifiers: one part of the value's timestamp (UTC) against the rule's number. */
final class TimePartMatcher extends ValueMatcher {
    private final ValueTest.TimeField field;
    private final ValueTest.Comparison comparison;
    private final long value;

    TimePartMatcher(ValueTest.TimePart test) {
        this.field = test.field();
        this.comparison = test.comparison();
        this.value = test.value();
    }

    @Override
    public int cost() {
        return BOUNDED;
    }

    @Override
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        final long part = TimestampText.part(field, buffer, offset, length);
        return part != TimestampText.NOT_A_TIMESTAMP && comparison.holds(Long.compare(part, value));
    }

    @Override
    public String toString() {
        return field + "(" + comparison + " " + value + ")";
    }
}
