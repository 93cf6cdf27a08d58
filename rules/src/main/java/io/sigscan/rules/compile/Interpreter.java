package io.sigscan.rules.compile;

import java.util.HashMap;
import java.util.Map;

import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.event.ValueKind;
import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;
import io.sigscan.rules.match.FieldReference;
import io.sigscan.rules.match.ValueMatcher;

/**
 * The reference evaluator: walks the IR recursively for every event, with the same matchers the
 * compiler uses but its own leaf semantics and no method handles, so the two can be checked
 * against each other. Slow (field lookups by name per event); for tests and debugging.
 */
final class Interpreter implements EventPredicate {
    private final Expr expr;
    private final FieldTable fields;
    private final Map<ValueTest, ValueMatcher> matchers = new HashMap<>();

    Interpreter(Expr expr, FieldTable fields) {
        this.expr = expr;
        this.fields = fields;
        collectMatchers(expr);
    }

    @Override
    public boolean test(EventView event) {
        return evaluate(expr, event);
    }

    private boolean evaluate(Expr node, EventView event) {
        if (node instanceof Expr.And and) {
            for (Expr operand : and.operands()) {
                if (!evaluate(operand, event)) {
                    return false;
                }
            }
            return true;
        }
        if (node instanceof Expr.Or or) {
            for (Expr operand : or.operands()) {
                if (evaluate(operand, event)) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof Expr.Not not) {
            return !evaluate(not.operand(), event);
        }
        if (node instanceof Expr.Const constant) {
            return constant.value();
        }
        if (node instanceof Expr.Match match) {
            return anyScalarPasses(matchers.get(match.test()), fields.slotOf(match.field()), event);
        }
        if (node instanceof Expr.Keyword keyword) {
            return anyScalarPasses(matchers.get(keyword.test()), EventView.KEYWORDS, event);
        }
        if (node instanceof Expr.IsNull isNull) {
            int slot = fields.slotOf(isNull.field());
            int nulls = 0;
            for (int i = 0; i < event.valueCount(slot); i++) {
                nulls += event.valueKind(slot, i) == ValueKind.NULL ? 1 : 0;
            }
            return nulls == event.valueCount(slot);
        }
        if (node instanceof Expr.FieldRef fieldRef) {
            return anyPairPasses(fieldRef, fields.slotOf(fieldRef.field()), fields.slotOf(fieldRef.referenced()), event);
        }
        return event.valueCount(fields.slotOf(((Expr.Exists) node).field())) != 0;
    }

    private static boolean anyScalarPasses(ValueMatcher matcher, int slot, EventView event) {
        boolean passes = false;
        for (int i = 0; i < event.valueCount(slot); i++) {
            boolean scalar = ValueKind.isScalar(event.valueKind(slot, i));
            passes |= scalar && matcher.matches(event.valueBuffer(slot, i), event.valueOffset(slot, i), event.valueLength(slot, i));
        }
        return passes;
    }

    private static boolean anyPairPasses(Expr.FieldRef fieldRef, int slot, int referencedSlot, EventView event) {
        boolean passes = false;
        for (int i = 0; i < event.valueCount(slot); i++) {
            for (int j = 0; j < event.valueCount(referencedSlot); j++) {
                boolean scalars = ValueKind.isScalar(event.valueKind(slot, i)) && ValueKind.isScalar(event.valueKind(referencedSlot, j));
                passes |= scalars && FieldReference.matches(fieldRef.position(), fieldRef.cased(),
                        event.valueBuffer(slot, i), event.valueOffset(slot, i), event.valueLength(slot, i),
                        event.valueBuffer(referencedSlot, j), event.valueOffset(referencedSlot, j),
                        event.valueLength(referencedSlot, j));
            }
        }
        return passes;
    }

    private void collectMatchers(Expr node) {
        if (node instanceof Expr.And and) {
            and.operands().forEach(this::collectMatchers);
        } else if (node instanceof Expr.Or or) {
            or.operands().forEach(this::collectMatchers);
        } else if (node instanceof Expr.Not not) {
            collectMatchers(not.operand());
        } else if (node instanceof Expr.Match match) {
            matchers.computeIfAbsent(match.test(), ValueMatcher::forTest);
        } else if (node instanceof Expr.Keyword keyword) {
            matchers.computeIfAbsent(keyword.test(), ValueMatcher::forTest);
        }
    }
}
