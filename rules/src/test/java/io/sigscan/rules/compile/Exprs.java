package io.sigscan.rules.compile;

import java.util.ArrayList;
import java.util.List;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;

/** Short IR builders for tests; values use {@code *} and {@code ?} as wildcards, no escapes. */
public final class Exprs {

    private Exprs() {
    }

    public static Expr match(String field, String glob) {
        return new Expr.Match(field, glob(glob, false));
    }

    public static Expr cased(String field, String glob) {
        return new Expr.Match(field, glob(glob, true));
    }

    public static Expr regex(String field, String pattern) {
        return new Expr.Match(field, new ValueTest.Regex(pattern, false, false, false));
    }

    public static Expr keyword(String glob) {
        return new Expr.Keyword(glob(glob, false));
    }

    public static Expr and(Expr... operands) {
        return new Expr.And(List.of(operands));
    }

    public static Expr or(Expr... operands) {
        return new Expr.Or(List.of(operands));
    }

    public static Expr not(Expr operand) {
        return new Expr.Not(operand);
    }

    public static ValueTest.Pattern glob(String glob, boolean cased) {
        List<ValueTest.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    parts.add(new ValueTest.Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(c == '*' ? ValueTest.ANY_STRING : ValueTest.ANY_CHAR);
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            parts.add(new ValueTest.Literal(literal.toString()));
        }
        return new ValueTest.Pattern(parts, cased);
    }
}
