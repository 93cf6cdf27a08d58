package io.sigscan.rules.load;

import io.sigscan.rules.model.CorrelationCondition;
import io.sigscan.rules.model.CorrelationRule;
import io.sigscan.rules.model.CorrelationType;
import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.RuleInfo;
import io.sigscan.rules.model.RuleReference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a correlation rule document: metadata as for detection rules, then the {@code correlation}
 * section (type, rules, group-by, timespan, aliases, condition, generate). Every malformed part is
 * reported where it is written and the document is rejected; rule references are checked later,
 * once every file has loaded.
 */
final class CorrelationReader {

    private static final Pattern TIMESPAN = Pattern.compile("^([0-9]{1,9})([smhdwMy])$");
    private static final String CONDITION_KEYS = "gt, gte, lt, lte, eq, neq, field, percentile";

    private final ProblemSink sink;
    private final RuleMetadataReader metadata;

    CorrelationReader(ProblemSink sink, RuleMetadataReader metadata) {
        this.sink = sink;
        this.metadata = metadata;
    }

    /** The correlation in {@code document}, or null when it has errors (all of them reported). */
    CorrelationRule read(YamlNode.Mapping document, YamlNode.Entry section) {
        int errorsBefore = sink.errorCount();
        RuleInfo info = metadata.info(document);
        if (!(section.value() instanceof YamlNode.Mapping correlation)) {
            sink.error(section.value().location(), ProblemKind.CORRELATION, "'correlation' is "
                    + YamlNode.describe(section.value()) + "; it must be a mapping with type, rules, group-by, "
                    + "timespan and condition");
            return null;
        }
        CorrelationType type = type(correlation);
        List<RuleReference> rules = references(correlation);
        List<String> groupBy = groupBy(correlation);
        Map<String, Map<String, String>> aliases = aliases(correlation);
        long timespan = timespan(correlation);
        boolean generate = generate(correlation);
        CorrelationCondition condition = type == null ? null : condition(correlation, type, rules.size());
        if (sink.errorCount() != errorsBefore || type == null || condition == null) {
            return null;
        }
        String timespanText = ((YamlNode.Scalar) correlation.get("timespan")).text();
        return new CorrelationRule(info, type, rules, groupBy, aliases, timespan, timespanText, condition, generate);
    }

    private CorrelationType type(YamlNode.Mapping correlation) {
        YamlNode value = correlation.get("type");
        String accepted = Arrays.stream(CorrelationType.values()).map(CorrelationType::yamlName)
                .collect(Collectors.joining(", "));
        if (value == null) {
            sink.error(correlation.location(), ProblemKind.CORRELATION, "correlation has no 'type'; give one of "
                    + accepted);
            return null;
        }
        CorrelationType type = value instanceof YamlNode.Scalar scalar ? CorrelationType.of(scalar.text()) : null;
        if (type == null) {
            sink.error(value.location(), ProblemKind.CORRELATION, "correlation type is " + YamlNode.describe(value)
                    + "; it must be one of " + accepted);
        }
        return type;
    }

    private List<RuleReference> references(YamlNode.Mapping correlation) {
        YamlNode value = correlation.get("rules");
        List<RuleReference> references = new ArrayList<>();
        if (value == null) {
            sink.error(correlation.location(), ProblemKind.CORRELATION,
                    "correlation has no 'rules'; list the ids or names of the rules it correlates");
            return references;
        }
        strings(value, "rules", "rule ids or names", references::add);
        if (value instanceof YamlNode.Sequence sequence && sequence.items().isEmpty()) {
            sink.error(value.location(), ProblemKind.CORRELATION,
                    "correlation 'rules' is empty; list the ids or names of the rules it correlates");
        }
        return references;
    }

    private List<String> groupBy(YamlNode.Mapping correlation) {
        YamlNode value = correlation.get("group-by");
        if (value == null || isNull(value)) {
            return List.of();
        }
        List<String> fields = strings(value, "group-by", "field names", reference -> { });
        return fields == null ? List.of() : fields;
    }

    /**
     * The texts of a scalar or a list of scalars, each also passed to {@code references} with its
     * location; null after reporting anything else.
     */
    private List<String> strings(YamlNode value, String key, String what,
                                 Consumer<RuleReference> references) {
        List<YamlNode> items = value instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(value);
        if (value instanceof YamlNode.Mapping) {
            sink.error(value.location(), ProblemKind.CORRELATION, "correlation '" + key + "' is a mapping; it must "
                    + "be a list of " + what);
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Scalar scalar && scalar.type() != YamlNode.ScalarType.NULL
                    && !scalar.text().isEmpty()) {
                texts.add(scalar.text());
                references.accept(new RuleReference(scalar.text(), scalar.location()));
            } else {
                sink.error(item.location(), ProblemKind.CORRELATION, "an entry of correlation '" + key + "' is "
                        + YamlNode.describe(item) + "; entries are " + what);
            }
        }
        return texts;
    }

    private Map<String, Map<String, String>> aliases(YamlNode.Mapping correlation) {
        YamlNode value = correlation.get("aliases");
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        if (value == null || isNull(value)) {
            return aliases;
        }
        if (!(value instanceof YamlNode.Mapping mapping)) {
            sink.error(value.location(), ProblemKind.CORRELATION, "correlation 'aliases' is " + YamlNode.describe(value)
                    + "; it must map each alias to a mapping of rule name to field name");
            return aliases;
        }
        for (YamlNode.Entry alias : mapping.entries()) {
            if (!(alias.value() instanceof YamlNode.Mapping perRule) || perRule.entries().isEmpty()) {
                sink.error(alias.value().location(), ProblemKind.CORRELATION, "alias '" + alias.key().text() + "' is "
                        + YamlNode.describe(alias.value()) + "; it must map rule names to field names");
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (YamlNode.Entry field : perRule.entries()) {
                if (field.value() instanceof YamlNode.Scalar scalar && scalar.type() != YamlNode.ScalarType.NULL) {
                    fields.put(field.key().text(), scalar.text());
                } else {
                    sink.error(field.value().location(), ProblemKind.CORRELATION, "alias '" + alias.key().text()
                            + "' gives " + YamlNode.describe(field.value()) + " for rule '" + field.key().text()
                            + "'; give a field name");
                }
            }
            aliases.put(alias.key().text(), fields);
        }
        return aliases;
    }

    /** The timespan in milliseconds, or 0 after reporting why there is none. */
    private long timespan(YamlNode.Mapping correlation) {
        YamlNode value = correlation.get("timespan");
        if (value == null) {
            sink.error(correlation.location(), ProblemKind.CORRELATION,
                    "correlation has no 'timespan'; give one such as 30s, 5m, 1h or 2d");
            return 0;
        }
        Matcher matcher = value instanceof YamlNode.Scalar scalar ? TIMESPAN.matcher(scalar.text()) : null;
        if (matcher == null || !matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            sink.error(value.location(), ProblemKind.CORRELATION, "timespan is " + YamlNode.describe(value)
                    + "; it must be a positive number and a unit: s, m, h, d, w (weeks), M (months) or y (years),"
                    + " such as 5m");
            return 0;
        }
        return Long.parseLong(matcher.group(1)) * unitMillis(matcher.group(2).charAt(0));
    }

    /** Unit lengths as pySigma counts them: a month is 2,629,746 s and a year 31,556,952 s. */
    private static long unitMillis(char unit) {
        return switch (unit) {
            case 's' -> 1_000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            case 'w' -> 604_800_000L;
            case 'M' -> 2_629_746_000L;
            default -> 31_556_952_000L;
        };
    }

    private boolean generate(YamlNode.Mapping correlation) {
        YamlNode value = correlation.get("generate");
        if (value == null || isNull(value)) {
            return false;
        }
        if (value instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.ScalarType.BOOL) {
            return scalar.text().equals("true");
        }
        sink.error(value.location(), ProblemKind.CORRELATION, "'generate' is " + YamlNode.describe(value)
                + "; it must be true or false");
        return false;
    }

    private CorrelationCondition condition(YamlNode.Mapping correlation, CorrelationType type, int ruleCount) {
        YamlNode value = correlation.get("condition");
        if (value == null || isNull(value)) {
            if (type.isTemporal()) {
                return CorrelationCondition.allOf(ruleCount);
            }
            sink.error(correlation.location(), ProblemKind.CORRELATION, "a " + type + " correlation needs a "
                    + "'condition' such as 'gte: 10'" + (type.needsField() ? " and the 'field' it aggregates" : ""));
            return null;
        }
        if (!(value instanceof YamlNode.Mapping mapping)) {
            sink.error(value.location(), ProblemKind.CORRELATION, "correlation condition is " + YamlNode.describe(value)
                    + "; it must be a mapping such as 'gte: 10' (keys: " + CONDITION_KEYS + ")");
            return null;
        }
        int errorsBefore = sink.errorCount();
        List<CorrelationCondition.Comparison> comparisons = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        double percentile = CorrelationCondition.DEFAULT_PERCENTILE;
        boolean operatorWritten = false;
        for (YamlNode.Entry entry : mapping.entries()) {
            String key = entry.key().text();
            CorrelationCondition.Operator operator = CorrelationCondition.Operator.of(key);
            if (operator != null) {
                operatorWritten = true;
                Double threshold = number(entry, "a number");
                if (threshold != null) {
                    comparisons.add(new CorrelationCondition.Comparison(operator, threshold));
                }
            } else if (key.equals("field")) {
                List<String> named = strings(entry.value(), "condition field", "field names", reference -> { });
                if (named != null) {
                    fields.addAll(named);
                }
            } else if (key.equals("percentile")) {
                Double value100 = number(entry, "a percentile from 0 to 100");
                if (value100 != null && (value100 < 0 || value100 > 100)) {
                    sink.error(entry.value().location(), ProblemKind.CORRELATION, "percentile " + value100
                            + " is outside 0 to 100");
                } else if (value100 != null) {
                    percentile = value100;
                }
            } else {
                sink.error(entry.key().location(), ProblemKind.CORRELATION, "unknown correlation condition key '"
                        + key + "'; accepted keys: " + CONDITION_KEYS);
            }
        }
        Location location = value.location();
        if (!operatorWritten) {
            sink.error(location, ProblemKind.CORRELATION, "correlation condition has no comparison; give at least "
                    + "one of gt, gte, lt, lte, eq, neq");
        }
        if (type.needsField() && fields.isEmpty()) {
            sink.error(location, ProblemKind.CORRELATION, "a " + type + " correlation condition needs the 'field' "
                    + "whose values it aggregates");
        }
        if (type.needsField() && type != CorrelationType.VALUE_COUNT && fields.size() > 1) {
            sink.error(location, ProblemKind.CORRELATION, "a " + type + " correlation aggregates one numeric "
                    + "field, not " + fields);
        }
        if (!type.needsField() && !fields.isEmpty()) {
            sink.warning(location, ProblemKind.CORRELATION, "a " + type + " correlation counts events; its "
                    + "condition 'field' " + fields + " is ignored");
            fields.clear();
        }
        if (type != CorrelationType.VALUE_PERCENTILE && mapping.entry("percentile") != null) {
            sink.warning(mapping.entry("percentile").key().location(), ProblemKind.CORRELATION,
                    "'percentile' only applies to value_percentile correlations; it is ignored");
        }
        return sink.errorCount() == errorsBefore ? new CorrelationCondition(comparisons, fields, percentile) : null;
    }

    private Double number(YamlNode.Entry entry, String what) {
        if (entry.value() instanceof YamlNode.Scalar scalar && scalar.type() != YamlNode.ScalarType.NULL
                && scalar.type() != YamlNode.ScalarType.BOOL) {
            try {
                double number = Double.parseDouble(scalar.text());
                if (Double.isFinite(number)) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        sink.error(entry.value().location(), ProblemKind.CORRELATION, "correlation condition '" + entry.key().text()
                + "' is " + YamlNode.describe(entry.value()) + "; it must be " + what);
        return null;
    }

    private static boolean isNull(YamlNode value) {
        return value instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.ScalarType.NULL;
    }
}
