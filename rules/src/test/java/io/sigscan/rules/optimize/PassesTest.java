package io.sigscan.rules.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;

class PassesTest {
    private static final Expr A = new Expr.Match("Image", ValueTest.Pattern.exact("a", false));
    private static final Expr B = new Expr.Match("Image", ValueTest.Pattern.exact("b", false));
    private static final Expr C = new Expr.Exists("User");

    private static Expr and(Expr... operands) {
        return new Expr.And(List.of(operands));
    }

    private static Expr or(Expr... operands) {
        return new Expr.Or(List.of(operands));
    }

    private static Expr not(Expr operand) {
        return new Expr.Not(operand);
    }

    @Test
    void flattenLiftsNestedSameOperatorsAndKeepsOrder() {
        assertEquals(and(A, B, C), new FlattenPass().apply(and(A, and(B, and(C)))));
        assertEquals(or(A, B, C), new FlattenPass().apply(or(or(A, B), C)));
    }

    @Test
    void flattenKeepsAlternatingOperatorsNested() {
        Expr mixed = and(A, or(B, and(C, A)));
        assertEquals(mixed, new FlattenPass().apply(mixed));
    }

    @Test
    void flattenUnwrapsSingleOperandsAndDoubleNegation() {
        assertEquals(A, new FlattenPass().apply(and(or(A))));
        assertEquals(B, new FlattenPass().apply(not(not(B))));
        assertEquals(not(B), new FlattenPass().apply(not(not(not(B)))));
    }

    @Test
    void foldDropsIdentityConstantsAndShortCircuitsOnAbsorbingOnes() {
        ConstantFoldPass fold = new ConstantFoldPass();
        assertEquals(and(A, B), fold.apply(and(Expr.TRUE, A, B)));
        assertEquals(Expr.FALSE, fold.apply(and(A, Expr.FALSE, B)));
        assertEquals(or(A), fold.apply(or(Expr.FALSE, A)));
        assertEquals(Expr.TRUE, fold.apply(or(A, Expr.TRUE)));
    }

    @Test
    void foldEvaluatesNegatedConstantsAndEmptyOperatorsBottomUp() {
        ConstantFoldPass fold = new ConstantFoldPass();
        assertEquals(Expr.TRUE, fold.apply(not(Expr.FALSE)));
        assertEquals(Expr.TRUE, fold.apply(and()));
        assertEquals(Expr.FALSE, fold.apply(or()));
        assertEquals(Expr.TRUE, fold.apply(not(and(A, or(), B))));
    }

    @Test
    void foldLeavesExpressionsWithoutConstantsUnchanged() {
        Expr plain = and(A, or(B, not(C)));
        assertEquals(plain, new ConstantFoldPass().apply(plain));
    }

    @Test
    void dedupeRemovesLaterEqualOperandsOnly() {
        DeduplicatePass dedupe = new DeduplicatePass();
        assertEquals(or(B, A), dedupe.apply(or(B, A, B, A)));
        assertEquals(and(A, or(B)), dedupe.apply(and(A, or(B, B), A)));
        assertEquals(and(A, not(A)), dedupe.apply(and(A, not(A))));
    }

    @Test
    void standardOptimizerReducesRedundantRulesToTheirCore() {
        Expr redundant = and(Expr.TRUE, or(A, or(A, Expr.FALSE)), and(B, not(not(B))));
        assertEquals(and(A, B), Optimizer.standard().optimize(redundant));
    }

    @Test
    void disabledOptimizerReturnsTheSameTree() {
        Expr expr = and(Expr.TRUE, A);
        assertSame(expr, Optimizer.none().optimize(expr));
    }
}
