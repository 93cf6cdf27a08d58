package io.sigscan.rules.ir;

import java.util.List;

/**
 * The boolean IR of a rule's detection, after modifiers are applied and the condition is
 * resolved: what the optimiser rewrites, the interpreter evaluates and the compiler turns into
 * one MethodHandle. Field names are the rule's own; log-source field mappings rename them in a
 * pass before compilation. Every node is an immutable value, so passes can share subtrees.
 */
public sealed interface Expr permits Expr.And, Expr.Or, Expr.Not, Expr.Const, Expr.Match, Expr.Keyword,
        Expr.IsNull, Expr.Exists, Expr.FieldRef {

    Const TRUE = new Const(true);
    Const FALSE = new Const(false);

    /** True when every operand is; an empty list is true. */
    record And(List<Expr> operands) implements Expr {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** True when any operand is; an empty list is false. */
    record Or(List<Expr> operands) implements Expr {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Expr operand) implements Expr {
    }

    record Const(boolean value) implements Expr {
    }

    /**
     * True when the field is present and at least one of its scalar values (arrays: any
     * element) passes the test. A missing field or a null value never passes.
     */
    record Match(String field, ValueTest test) implements Expr {
    }

    /** True when at least one string value of the event (for plain text: the line) passes. */
    record Keyword(ValueTest test) implements Expr {
    }

    /** Sigma's {@code field: null}: true when the field is absent or every value is null. */
    record IsNull(String field) implements Expr {
    }

    /** Sigma's {@code field|exists: true}: true when the field is present with any value. */
    record Exists(String field) implements Expr {
    }

    /**
     * Sigma's {@code fieldref}: true when some scalar value of {@code field} equals (or, by
     * {@code position}, contains, starts with, ends with) some scalar value of
     * {@code referenced}, ignoring case unless {@code cased}. False when either field is
     * absent or only null.
     */
    record FieldRef(String field, String referenced, Position position, boolean cased) implements Expr {
    }

    /** Where the referenced value must sit in the field's value. */
    enum Position { EQUALS, CONTAINS, STARTSWITH, ENDSWITH }
}
