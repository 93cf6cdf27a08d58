package io.sigscan.rules.load;

import io.sigscan.rules.condition.ConditionException;
import io.sigscan.rules.condition.ConditionParser;
import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.model.Location;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers a rule's {@code detection} mapping: each search identifier to an expression, then the
 * condition over them. A mapping is the AND of its items, a list the OR of its elements (maps
 * or keywords), a bare value a keyword. Every error is reported; the result is null if any.
 */
final class DetectionLowerer {

    private final ProblemSink sink;
    private final FieldItemLowerer items;

    DetectionLowerer(ProblemSink sink, Placeholders placeholders) {
        this.sink = sink;
        this.items = new FieldItemLowerer(sink, placeholders);
    }

    /** The detection of the rule named {@code ruleName} (for messages), or null after reporting its errors. */
    Expr lower(YamlNode.Mapping detection, String ruleName) {
        items.startRule(ruleName);
        int errorsBefore = sink.errorCount();
        Map<String, Expr> identifiers = new LinkedHashMap<>();
        YamlNode.Entry condition = null;
        for (YamlNode.Entry entry : detection.entries()) {
            String name = entry.key().text();
            if (name.equals("condition")) {
                condition = entry;
            } else if (name.equals("timeframe")) {
                sink.error(entry.key().location(), ProblemKind.LEGACY_SYNTAX, "'timeframe' in detection is Sigma 1.0 "
                        + "aggregation syntax and not supported; express it as a correlation rule");
            } else {
                identifiers.put(name, searchIdentifier(entry));
            }
        }
        if (condition == null) {
            sink.error(detection.location(), ProblemKind.DETECTION,
                    "detection has no 'condition'; add one such as 'condition: selection'");
            return null;
        }
        Expr expr = condition(condition.value(), identifiers);
        return sink.errorCount() == errorsBefore ? expr : null;
    }

    private Expr searchIdentifier(YamlNode.Entry entry) {
        YamlNode value = entry.value();
        try {
            if (value instanceof YamlNode.Mapping mapping) {
                return mapping(entry.key(), mapping);
            }
            if (value instanceof YamlNode.Sequence sequence) {
                if (sequence.items().isEmpty()) {
                    throw new RuleSyntaxException(ProblemKind.DETECTION, sequence.location(), "search identifier '"
                            + entry.key().text() + "' is an empty list; give keywords or field mappings");
                }
                List<Expr> alternatives = new ArrayList<>(sequence.items().size());
                for (YamlNode item : sequence.items()) {
                    alternatives.add(listItem(entry.key(), item));
                }
                return FieldItemLowerer.or(alternatives);
            }
            YamlNode.Scalar scalar = (YamlNode.Scalar) value;
            if (scalar.type() == YamlNode.ScalarType.NULL) {
                throw new RuleSyntaxException(ProblemKind.DETECTION, entry.key().location(), "search identifier '"
                        + entry.key().text() + "' is empty; give field mappings, a list of them, or keywords");
            }
            return items.lowerKeyword(scalar);
        } catch (RuleSyntaxException e) {
            e.reportTo(sink);
            return Expr.FALSE;
        }
    }

    private Expr listItem(YamlNode.Scalar name, YamlNode item) {
        if (item instanceof YamlNode.Mapping mapping) {
            return mapping(name, mapping);
        }
        if (item instanceof YamlNode.Scalar scalar) {
            return items.lowerKeyword(scalar);
        }
        throw new RuleSyntaxException(ProblemKind.DETECTION, item.location(), "search identifier '" + name.text()
                + "' holds a list inside a list; its elements must be field mappings or keywords");
    }

    /** AND of the items; each failing item is reported and the others still checked. */
    private Expr mapping(YamlNode.Scalar name, YamlNode.Mapping mapping) {
        if (mapping.entries().isEmpty()) {
            throw new RuleSyntaxException(ProblemKind.DETECTION, mapping.location(), "search identifier '"
                    + name.text() + "' has an empty mapping; give at least one field");
        }
        List<Expr> operands = new ArrayList<>(mapping.entries().size());
        for (YamlNode.Entry entry : mapping.entries()) {
            try {
                operands.add(items.lowerItem(entry.key(), entry.value()));
            } catch (RuleSyntaxException e) {
                e.reportTo(sink);
            }
        }
        return FieldItemLowerer.and(operands.isEmpty() ? List.of(Expr.FALSE) : operands);
    }

    private Expr condition(YamlNode value, Map<String, Expr> identifiers) {
        if (value instanceof YamlNode.Scalar scalar && scalar.type() != YamlNode.ScalarType.NULL) {
            return parseCondition(scalar, identifiers);
        }
        if (value instanceof YamlNode.Sequence sequence && !sequence.items().isEmpty()) {
            List<Expr> alternatives = new ArrayList<>();
            for (YamlNode item : sequence.items()) {
                if (!(item instanceof YamlNode.Scalar scalar) || scalar.type() == YamlNode.ScalarType.NULL) {
                    sink.error(item.location(), ProblemKind.CONDITION, "a condition in the list is "
                            + YamlNode.describe(item) + "; conditions are strings");
                    continue;
                }
                Expr expr = parseCondition(scalar, identifiers);
                if (expr != null) {
                    alternatives.add(expr);
                }
            }
            return FieldItemLowerer.or(alternatives.isEmpty() ? List.of(Expr.FALSE) : alternatives);
        }
        sink.error(value.location(), ProblemKind.CONDITION, "the condition is " + YamlNode.describe(value)
                + "; give a string such as 'selection and not filter', or a list of them");
        return null;
    }

    private Expr parseCondition(YamlNode.Scalar scalar, Map<String, Expr> identifiers) {
        try {
            return ConditionParser.parse(scalar.text(), identifiers);
        } catch (ConditionException e) {
            Location location = scalar.locationOf(e.offset());
            sink.error(location, e.kind(), e.getMessage());
            return null;
        }
    }
}
