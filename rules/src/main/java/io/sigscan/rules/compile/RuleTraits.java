package io.sigscan.rules.compile;

import java.util.ArrayList;
import java.util.List;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;

/**
 * What makes a rule cheap or expensive to evaluate, read from its compiled detection: whether
 * the pre-filter can skip it (it has a witness), and how many regexes, leading-wildcard
 * patterns (which scan the whole value) and value tests it has.
 *
 * @param witnessed        every variant has a pre-filter witness, so the rule runs only on
 *                         events holding one of its literals
 * @param regexes          regular-expression tests
 * @param leadingWildcards patterns starting with {@code *} ({@code contains}, {@code endswith})
 * @param alternatives     value tests in all (field, keyword, null and exists tests)
 */
public record RuleTraits(boolean witnessed, int regexes, int leadingWildcards, int alternatives) {
    /** Above this many value tests a rule is flagged for its size. */
    public static final int MANY_ALTERNATIVES = 50;

    static RuleTraits of(Expr detection, boolean witnessed) {
        int[] counts = new int[3];
        count(detection, counts);
        return new RuleTraits(witnessed, counts[0], counts[1], counts[2]);
    }

    /** Why the rule may be expensive, most important first; empty when nothing stands out. */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        if (!witnessed) {
            reasons.add("no witness: evaluated on every event of its log source");
        }
        if (regexes > 0) {
            reasons.add(regexes + (regexes == 1 ? " regex" : " regexes"));
        }
        if (leadingWildcards > 0) {
            reasons.add(leadingWildcards + " leading wildcard" + (leadingWildcards == 1 ? "" : "s"));
        }
        if (alternatives > MANY_ALTERNATIVES) {
            reasons.add(alternatives + " alternatives");
        }
        return reasons;
    }

    private static void count(Expr expr, int[] counts) {
        if (expr instanceof Expr.And and) {
            for (Expr operand : and.operands()) {
                count(operand, counts);
            }
        } else if (expr instanceof Expr.Or or) {
            for (Expr operand : or.operands()) {
                count(operand, counts);
            }
        } else if (expr instanceof Expr.Not not) {
            count(not.operand(), counts);
        } else if (expr instanceof Expr.Match match) {
            countTest(match.test(), counts);
        } else if (expr instanceof Expr.Keyword keyword) {
            countTest(keyword.test(), counts);
        } else if (!(expr instanceof Expr.Const)) {
            counts[2]++;
        }
    }

    private static void countTest(ValueTest test, int[] counts) {
        counts[2]++;
        if (test instanceof ValueTest.Regex) {
            counts[0]++;
        } else if (test instanceof ValueTest.Pattern pattern && !pattern.parts().isEmpty()
                && pattern.parts().get(0) instanceof ValueTest.AnyString) {
            counts[1]++;
        }
    }
}
