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

    /**
     * Most instructions RE2J's compiled program for a regex may have. RE2's search is linear in
     * the value, but its constant is the program's size, which nested counted repetitions
     * multiply: {@code (a{1000}){1000}} is a million instructions and took 11 s on one 50 KB
     * value. SigmaHQ's largest regex is far below this; RE2 itself refuses programs beyond its
     * memory budget.
     */
    static final int MAX_PROGRAM_INSTRUCTIONS = 100_000;

    private RegexMatchers() {
    }

    /**
     * The regex's matcher, behind a literal guard when the pattern requires some literal text; its
     * RE2J program is charged to {@code budget}.
     */
    static ValueMatcher forRegex(ValueTest.Regex regex, RegexBudget budget) {
        ValueMatcher matcher = unguarded(regex, budget);
        List<String> required = RegexLiterals.requiredRuns(regex.pattern());
        return required.isEmpty() ? matcher : new LiteralGuardedMatcher(required, matcher);
    }

    private static ValueMatcher unguarded(ValueTest.Regex regex, RegexBudget budget) {
        final com.google.re2j.Pattern pattern;
        try {
            pattern = com.google.re2j.Pattern.compile(regex.pattern(), re2Flags(regex));
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
        final int size = RegexMatcher.programSize(pattern);
        if (size > MAX_PROGRAM_INSTRUCTIONS) {
            throw new UnsupportedPatternException("regular expression '" + abbreviated(regex.pattern())
                    + "' compiles to " + size + " instructions, more than the " + MAX_PROGRAM_INSTRUCTIONS
                    + " a regex may have (nested counted repetitions multiply: (a{100}){100} is 10,000 a's);"
                    + " each search would cost that much per byte of the value");
        }
        budget.spend(size, regex.pattern());
        return new RegexMatcher(pattern);
    }

    static String abbreviated(String pattern) {
        return pattern.length() <= 200 ? pattern : pattern.substring(0, 200) + "...";
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
