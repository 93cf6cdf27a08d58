package io.sigscan.rules.ir;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one field value must satisfy, as data: the matcher factory turns each into a byte-level
 * matcher, the pre-filter reads witness literals out of it, and the profiler explains its cost.
 */
public sealed interface ValueTest permits ValueTest.Pattern, ValueTest.Regex, ValueTest.Compare, ValueTest.TimePart,
        ValueTest.Cidr {

    /**
     * A Sigma string value matched against the whole field value: literal runs and wildcards,
     * after modifiers ({@code contains} is {@code * lit *}). Case-insensitive unless
     * {@code cased}. Literal text holds no escapes any more: a {@code *} in a {@link Literal}
     * is a star.
     */
    record Pattern(List<Part> parts, boolean cased) implements ValueTest {
        public Pattern {
            parts = List.copyOf(parts);
        }

        /** A pattern of one literal, matching exactly that text. */
        public static Pattern exact(String text, boolean cased) {
            return new Pattern(text.isEmpty() ? List.of() : List.of(new Literal(text)), cased);
        }
    }

    /**
     * A regular expression, found anywhere in the value (unanchored) as Sigma's {@code re}
     * modifier specifies; flags from {@code re|i}, {@code re|m}, {@code re|s}.
     */
    record Regex(String pattern, boolean caseInsensitive, boolean multiline, boolean dotAll) implements ValueTest {
    }

    /**
     * Sigma's {@code lt}/{@code lte}/{@code gt}/{@code gte}: the value's text read as a decimal
     * number ({@code -12}, {@code 3.5}, {@code 1e3}) compared exactly with {@code bound}; text that
     * is not such a number never passes. The bound is kept without trailing zeros, so equal
     * numbers make equal tests.
     */
    record Compare(Comparison comparison, BigDecimal bound) implements ValueTest {
        public Compare {
            bound = bound.signum() == 0 ? BigDecimal.ZERO : bound.stripTrailingZeros();
        }
    }

    /**
     * Sigma's time modifiers ({@code minute} ... {@code year}): one part of the value read as an
     * ISO 8601 timestamp, in UTC, compared with {@code value} ({@link Comparison#EQ} unless a
     * comparison modifier follows). Text that is not such a timestamp never passes.
     */
    record TimePart(TimeField field, Comparison comparison, long value) implements ValueTest {
    }

    /**
     * Sigma's {@code cidr}: the value is an IPv4 or IPv6 address in text inside {@code network}
     * (checked when the rule loads); text that is not an address never passes.
     */
    record Cidr(String network) implements ValueTest {
    }

    /** How a value compares with the rule's number. */
    enum Comparison {
        EQ, LT, LTE, GT, GTE;

        /** Whether the comparison holds for a value that compares to the bound as {@code order} (-1, 0, 1). */
        public boolean holds(int order) {
            return switch (this) {
                case EQ -> order == 0;
                case LT -> order < 0;
                case LTE -> order <= 0;
                case GT -> order > 0;
                case GTE -> order >= 0;
            };
        }
    }

    /** The part of a timestamp a time modifier takes; {@code WEEK} is the ISO 8601 week (1-53). */
    enum TimeField { MINUTE, HOUR, DAY, WEEK, MONTH, YEAR }

    /** One piece of a {@link Pattern}. */
    sealed interface Part permits Literal, AnyString, AnyChar {
    }

    /** Text matched as is (case-folded unless the pattern is cased). Never empty. */
    record Literal(String text) implements Part {
        public Literal {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
        }
    }

    /** {@code *}: any run of characters, including none. */
    record AnyString() implements Part {
    }

    /** {@code ?}: exactly one character. */
    record AnyChar() implements Part {
    }

    AnyString ANY_STRING = new AnyString();
    AnyChar ANY_CHAR = new AnyChar();
}
