package io.sigscan.rules.optimize;

import io.sigscan.rules.ir.Expr;

/** One rewrite of the IR into an equivalent expression: pure, so passes can run in any order. */
@FunctionalInterface
public interface ExprPass {
    Expr apply(Expr expr);
}
