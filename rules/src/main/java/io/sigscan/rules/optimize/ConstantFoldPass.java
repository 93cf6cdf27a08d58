package io.sigscan.rules.optimize;

import java.util.ArrayList;
import java.util.List;

import io.sigscan.rules.ir.Expr;

/**
 * Evaluates what is known at compile time: true operands leave an And, a false one makes it
 * false (dually for Or), Not of a constant is the other constant, and an And/Or left with no
 * operands becomes its identity constant. Keeps rules such as {@code 1 of filter_*} with
 * nothing matched, or resolved placeholders, from costing anything per event.
 */
public final class ConstantFoldPass implements ExprPass {

    @Override
    public Expr apply(Expr expr) {
        return Rewrite.bottomUp(expr, ConstantFoldPass::foldNode);
    }

    private static Expr foldNode(Expr node) {
        if (node instanceof Expr.And and) {
            return fold(and.operands(), true);
        }
        if (node instanceof Expr.Or or) {
            return fold(or.operands(), false);
        }
        if (node instanceof Expr.Not not && not.operand() instanceof Expr.Const constant) {
            return constant.value() ? Expr.FALSE : Expr.TRUE;
        }
        return node;
    }

    /** {@code identity} is true for And (true operands drop out, false decides), false for Or. */
    private static Expr fold(List<Expr> operands, boolean identity) {
        List<Expr> kept = new ArrayList<>(operands.size());
        for (Expr operand : operands) {
            if (operand instanceof Expr.Const constant) {
                if (constant.value() != identity) {
                    return constant.value() ? Expr.TRUE : Expr.FALSE;
                }
            } else {
                kept.add(operand);
            }
        }
        if (kept.isEmpty()) {
            return identity ? Expr.TRUE : Expr.FALSE;
        }
        if (kept.size() == operands.size()) {
            return identity ? new Expr.And(operands) : new Expr.Or(operands);
        }
        return identity ? new Expr.And(kept) : new Expr.Or(kept);
    }
}
