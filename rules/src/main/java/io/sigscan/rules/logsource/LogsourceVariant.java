package io.sigscan.rules.logsource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;

/**
 * One kind of event a log source covers, e.g. Sysmon event 1 or Security event 4688 for
 * {@code process_creation}: the routing conditions that pick such events out and the field
 * renames that adapt a rule to them.
 *
 * @param name       a short label for messages ("security 4688")
 * @param conditions routing field → accepted values, none accepting only events without the
 *                   field; see {@link #condition()}
 * @param renames    rule field name → event field name
 * @param guard      the product guard of the rule's product (see {@link ProductMarker}), or
 *                   {@link Expr#TRUE}; attached by {@link LogsourceMapping#variantsFor}
 */
public record LogsourceVariant(String name, Map<String, List<String>> conditions, Map<String, String> renames,
                               Expr guard) {

    /** The variant of a log source without a mapping: no conditions, no renames. */
    public static final LogsourceVariant EVERY_EVENT = new LogsourceVariant("every event", Map.of(), Map.of());

    public LogsourceVariant {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        conditions.forEach((field, values) -> copy.put(field, List.copyOf(values)));
        conditions = java.util.Collections.unmodifiableMap(copy);
        renames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(renames));
    }

    /** A variant as the mapping file states it, before a product guard is attached. */
    public LogsourceVariant(String name, Map<String, List<String>> conditions, Map<String, String> renames) {
        this(name, conditions, renames, Expr.TRUE);
    }

    /** This variant with {@code productGuard} as its guard. */
    LogsourceVariant withGuard(Expr productGuard) {
        return new LogsourceVariant(name, conditions, renames, productGuard);
    }

    /**
     * The routing condition as IR: for each condition field, the field is absent (exports often
     * drop {@code Channel}) or one of its values equals an accepted one, as text and ignoring
     * case. A present field with only other values (or null) excludes the event; a field with no
     * accepted values excludes every event that has it. The guard comes
     * last, so that the usual case, an event another variant's {@code Channel} or {@code EventID}
     * already excludes, never evaluates it.
     */
    public Expr condition() {
        List<Expr> parts = new ArrayList<>();
        conditions.forEach((field, accepted) -> {
            List<Expr> alternatives = new ArrayList<>();
            alternatives.add(new Expr.Not(new Expr.Exists(field)));
            for (String value : accepted) {
                alternatives.add(new Expr.Match(field, ValueTest.Pattern.exact(value, false)));
            }
            parts.add(new Expr.Or(alternatives));
        });
        if (!guard.equals(Expr.TRUE)) {
            parts.add(guard);
        }
        return parts.isEmpty() ? Expr.TRUE : new Expr.And(parts);
    }

    /**
     * The detection with every field this variant renames replaced by the event's name for it,
     * both fields of a field reference included.
     */
    public Expr rename(Expr detection) {
        if (renames.isEmpty()) {
            return detection;
        }
        if (detection instanceof Expr.And and) {
            return new Expr.And(renameAll(and.operands()));
        }
        if (detection instanceof Expr.Or or) {
            return new Expr.Or(renameAll(or.operands()));
        }
        if (detection instanceof Expr.Not not) {
            return new Expr.Not(rename(not.operand()));
        }
        if (detection instanceof Expr.Match match) {
            return new Expr.Match(renamed(match.field()), match.test());
        }
        if (detection instanceof Expr.IsNull isNull) {
            return new Expr.IsNull(renamed(isNull.field()));
        }
        if (detection instanceof Expr.Exists exists) {
            return new Expr.Exists(renamed(exists.field()));
        }
        if (detection instanceof Expr.FieldRef fieldRef) {
            return new Expr.FieldRef(renamed(fieldRef.field()), renamed(fieldRef.referenced()), fieldRef.position(),
                    fieldRef.cased());
        }
        return detection;
    }

    private List<Expr> renameAll(List<Expr> operands) {
        List<Expr> result = new ArrayList<>(operands.size());
        for (Expr operand : operands) {
            result.add(rename(operand));
        }
        return result;
    }

    private String renamed(String field) {
        return renames.getOrDefault(field, field);
    }
}
