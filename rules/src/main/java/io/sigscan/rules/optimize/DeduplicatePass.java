package io.sigscan.rules.optimize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.sigscan.rules.ir.Expr;

/**
 * Drops operands of an And/Or equal to an earlier one (IR nodes are values, so equal means
 * same test); first occurrences keep their order, so evaluation order stays as written.
 */
public final class DeduplicatePass implements ExprPass {

    @Override
    public Expr apply(Expr expr) {
        return Rewrite.bottomUp(expr, DeduplicatePass::dedupeNode);
    }

    private static Expr dedupeNode(Expr node) {
        if (node instanceof Expr.And and) {
            return new Expr.And(distinct(and.operands()));
        }
        if (node instanceof Expr.Or or) {
            return new Expr.Or(distinct(or.operands()));
        }
        return node;
    }

    private static List<Expr> distinct(List<Expr> operands) {
        return new ArrayList<>(new LinkedHashSet<>(operands));
    }
}
