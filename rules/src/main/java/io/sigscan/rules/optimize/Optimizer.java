package io.sigscan.rules.optimize;

import java.util.List;

import io.sigscan.rules.ir.Expr;

/**
 * An ordered list of passes run over each rule's IR before compilation. {@link #standard()} is
 * what scans use; {@link #none()} compiles the IR as loaded (to compare or to debug a pass).
 */
public final class Optimizer {
    private final List<ExprPass> passes;

    private Optimizer(List<ExprPass> passes) {
        this.passes = List.copyOf(passes);
    }

    /** Flatten, fold constants, dedupe, then flatten again what folding unwrapped. */
    public static Optimizer standard() {
        FlattenPass flatten = new FlattenPass();
        return new Optimizer(List.of(flatten, new ConstantFoldPass(), new DeduplicatePass(), flatten));
    }

    public static Optimizer none() {
        return new Optimizer(List.of());
    }

    public static Optimizer of(List<ExprPass> passes) {
        return new Optimizer(passes);
    }

    public List<ExprPass> passes() {
        return passes;
    }

    public Expr optimize(Expr expr) {
        Expr result = expr;
        for (ExprPass pass : passes) {
            result = pass.apply(result);
        }
        return result;
    }
}
