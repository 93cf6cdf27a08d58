package io.sigscan.rules.optimize;

import java.util.ArrayList;
import java.util.List;

import io.sigscan.rules.ir.Expr;

/**
 * Lifts the operands of an And nested directly in an And (an Or in an Or) into the parent,
 * unwraps one-operand And/Or and removes double negation. Fewer, wider nodes make shallower
 * method-handle trees and give later passes (dedupe, needle merging) whole operand lists.
 */
public final class FlattenPass implements ExprPass {

    @Override
    public Expr apply(Expr expr) {
        return Rewrite.bottomUp(expr, FlattenPass::flattenNode);
    }

    private static Expr flattenNode(Expr node) {
        if (node instanceof Expr.And and) {
            List<Expr> operands = new ArrayList<>();
            for (Expr operand : and.operands()) {
                if (operand instanceof Expr.And inner) {
                    operands.addAll(inner.operands());
                } else {
                    operands.add(operand);
                }
            }
            return operands.size() == 1 ? operands.get(0) : new Expr.And(operands);
        }
        if (node instanceof Expr.Or or) {
            List<Expr> operands = new ArrayList<>();
            for (Expr operand : or.operands()) {
                if (operand instanceof Expr.Or inner) {
                    operands.addAll(inner.operands());
                } else {
                    operands.add(operand);
                }
            }
            return operands.size() == 1 ? operands.get(0) : new Expr.Or(operands);
        }
        if (node instanceof Expr.Not not && not.operand() instanceof Expr.Not inner) {
            return inner.operand();
        }
        return node;
    }
}
