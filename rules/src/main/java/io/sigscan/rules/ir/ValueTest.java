package io.sigscan.rules.ir;

import java.util.List;

/**
 * What one field value must satisfy, as data: the matcher factory turns each into a byte-level
 * matcher, the pre-filter reads witness literals out of it, and the profiler explains its cost.
 */
public sealed interface ValueTest permits ValueTest.Pattern, ValueTest.Regex {

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
