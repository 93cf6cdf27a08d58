package io.sigscan.rules.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.sigscan.rules.ir.Expr;

/** Bottom-up traversal shared by the passes: rebuilds a node after rewriting its children. */
final class Rewrite {

    private Rewrite() {
    }

    /** Applies {@code node} to every node, children first. */
    static Expr bottomUp(Expr expr, UnaryOperator<Expr> node) {
        if (expr instanceof Expr.And and) {
            return node.apply(new Expr.And(children(and.operands(), node)));
        }
        if (expr instanceof Expr.Or or) {
            return node.apply(new Expr.Or(children(or.operands(), node)));
        }
        if (expr instanceof Expr.Not not) {
            return node.apply(new Expr.Not(bottomUp(not.operand(), node)));
        }
        return node.apply(expr);
    }

    private static List<Expr> children(List<Expr> operands, UnaryOperator<Expr> node) {
        List<Expr> result = new ArrayList<>(operands.size());
        for (Expr operand : operands) {
            result.add(bottomUp(operand, node));
        }
        return result;
    }
}
