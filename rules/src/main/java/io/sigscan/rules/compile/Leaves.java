package io.sigscan.rules.compile;

import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.ValueKind;
import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.match.FieldReference;
import io.sigscan.rules.match.ValueMatcher;

/**
 * The leaf tests compiled predicates are built from, bound to their matcher and slot by
 * {@link PredicateCompiler}. Hot path: called per event; no allocation.
 */
final class Leaves {

    private Leaves() {
    }

    /** IR {@code Match}/{@code Keyword}: the field is present and any scalar value passes. */
    static boolean anyValueMatches(ValueMatcher matcher, int slot, EventView event) {
        final int count = event.valueCount(slot);
        for (int i = 0; i < count; i++) {
            if (ValueKind.isScalar(event.valueKind(slot, i))
                    && matcher.matches(event.valueBuffer(slot, i), event.valueOffset(slot, i), event.valueLength(slot, i))) {
                return true;
            }
        }
        return false;
    }

    /** IR {@code IsNull}: the field is absent, or every value it has is null. */
    static boolean isNull(int slot, EventView event) {
        final int count = event.valueCount(slot);
        for (int i = 0; i < count; i++) {
            if (event.valueKind(slot, i) != ValueKind.NULL) {
                return false;
            }
        }
        return true;
    }

    /** IR {@code Exists}: the field is present, whatever its value. */
    static boolean exists(int slot, EventView event) {
        return event.valueCount(slot) > 0;
    }

    /** IR {@code FieldRef}: some scalar value of the field stands to some scalar value of the referenced one. */
    static boolean fieldRef(Expr.Position position, boolean cased, int slot, int referencedSlot, EventView event) {
        final int count = event.valueCount(slot);
        final int referencedCount = event.valueCount(referencedSlot);
        for (int i = 0; i < count; i++) {
            if (!ValueKind.isScalar(event.valueKind(slot, i))) {
                continue;
            }
            for (int j = 0; j < referencedCount; j++) {
                if (ValueKind.isScalar(event.valueKind(referencedSlot, j))
                        && FieldReference.matches(position, cased,
                                event.valueBuffer(slot, i), event.valueOffset(slot, i), event.valueLength(slot, i),
                                event.valueBuffer(referencedSlot, j), event.valueOffset(referencedSlot, j),
                                event.valueLength(referencedSlot, j))) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean not(boolean value) {
        return !value;
    }
}
