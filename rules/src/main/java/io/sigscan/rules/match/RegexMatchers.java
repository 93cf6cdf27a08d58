package io.sigscan.rules.match;

import java.util.List;

import io.sigscan.rules.ir.ValueTest;

/**
 * Builds the matcher for Sigma's {@code re}: RE2J (linear time) when it accepts the pattern,
 * otherwise java.util.regex under a step budget for the constructs RE2 lacks (lookaround,
 * backreferences). No SigmaHQ rule needs the fallback at the pinned corpus commit; user rules may.
 */
final class RegexMatchers {

    /**
     * Characters java.util.regex may read per value before giving up: a few milliseconds of
     * work, far more than any sane pattern needs on a log field, far less than a hang.
     */
    static final long DEFAULT_STEP_BUDGET = 1_000_000;

    private RegexMatchers() {
    }

    /** The regex's matcher, behind a literal guard when the pattern requires some literal text. */
    static ValueMatcher forRegex(ValueTest.Regex regex) {
        ValueMatcher matcher = unguarded(regex);
        List<String> required = RegexLiterals.requiredRuns(regex.pattern());
        return required.isEmpty() ? matcher : new LiteralGuardedMatcher(required, matcher);
    }

    private static ValueMatcher unguarded(ValueTest.Regex regex) {
        try {
            return new RegexMatcher(com.google.re2j.Pattern.compile(regex.pattern(), re2Flags(regex)));
        } catch (com.google.re2j.PatternSyntaxException re2Refusal) {
            try {
                return new BudgetedRegexMatcher(
                        java.util.regex.Pattern.compile(regex.pattern(), javaFlags(regex)), DEFAULT_STEP_BUDGET);
            } catch (java.util.regex.PatternSyntaxException javaRefusal) {
                throw new UnsupportedPatternException("regular expression '" + regex.pattern()
                        + "' is accepted neither by RE2J (" + re2Refusal.getDescription()
                        + ") nor by java.util.regex (" + javaRefusal.getDescription() + " near index "
                        + javaRefusal.getIndex() + ")");
            }
        }
    }

    private static int re2Flags(ValueTest.Regex regex) {
        int flags = 0;
        if (regex.caseInsensitive()) {
            flags |= com.google.re2j.Pattern.CASE_INSENSITIVE;
        }
        if (regex.multiline()) {
            flags |= com.google.re2j.Pattern.MULTILINE;
        }
        if (regex.dotAll()) {
            flags |= com.google.re2j.Pattern.DOTALL;
        }
        return flags;
    }

    private static int javaFlags(ValueTest.Regex regex) {
        int flags = 0;
        if (regex.caseInsensitive()) {
            flags |= java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE;
        }
        if (regex.multiline()) {
            flags |= java.util.regex.Pattern.MULTILINE;
        }
        if (regex.dotAll()) {
            flags |= java.util.regex.Pattern.DOTALL;
        }
        return flags;
    }
}
