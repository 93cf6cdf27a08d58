package io.sigscan.rules.load;

import io.sigscan.rules.model.LogSource;
import io.sigscan.rules.model.RuleInfo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a rule's metadata and {@code logsource}: a missing or malformed title or logsource is
 * an error; a doubtful id, level, status, date or tag list is a warning that keeps the rule.
 * Unknown keys are fine, since Sigma allows custom fields.
 */
final class RuleMetadataReader {

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern ISO_DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private static final List<String> LEVELS = List.of("informational", "low", "medium", "high", "critical");
    private static final List<String> STATUSES = List.of("stable", "test", "experimental", "deprecated", "unsupported");
    private static final Set<String> LOGSOURCE_PARTS = Set.of("category", "product", "service");

    private final ProblemSink sink;

    RuleMetadataReader(ProblemSink sink) {
        this.sink = sink;
    }

    RuleInfo info(YamlNode.Mapping rule) {
        YamlNode titleNode = rule.get("title");
        String title = text(rule, "title", true);
        if (titleNode == null || (titleNode instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.ScalarType.NULL)) {
            sink.error(titleNode == null ? rule.location() : titleNode.location(), ProblemKind.METADATA,
                    "rule has no 'title'; every rule needs one");
        } else if (title != null && title.isBlank()) {
            sink.error(rule.entry("title").value().location(), ProblemKind.METADATA, "rule has an empty 'title'");
        }
        String id = text(rule, "id", false);
        if (id != null && !UUID.matcher(id).matches()) {
            sink.warning(rule.entry("id").value().location(), ProblemKind.METADATA,
                    "id '" + id + "' is not a UUID (8-4-4-4-12 hexadecimal digits)");
        }
        String level = text(rule, "level", false);
        if (level != null && !LEVELS.contains(level)) {
            sink.warning(rule.entry("level").value().location(), ProblemKind.METADATA,
                    "level '" + level + "' is not one of " + String.join(", ", LEVELS));
        }
        String status = text(rule, "status", false);
        if (status != null && !STATUSES.contains(status)) {
            sink.warning(rule.entry("status").value().location(), ProblemKind.METADATA,
                    "status '" + status + "' is not one of " + String.join(", ", STATUSES));
        }
        checkDate(rule, "date");
        checkDate(rule, "modified");
        return new RuleInfo(id, text(rule, "name", false), title, level, status, text(rule, "author", false),
                tags(rule), rule.location());
    }

    /**
     * The text of a scalar metadata field, or null when absent. A list or mapping where a value
     * belongs is an error for required fields and a warning for the rest.
     */
    private String text(YamlNode.Mapping rule, String key, boolean required) {
        YamlNode value = rule.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof YamlNode.Scalar scalar) {
            return scalar.type() == YamlNode.ScalarType.NULL ? null : scalar.text();
        }
        String message = "'" + key + "' is " + YamlNode.describe(value) + "; it must be a single value";
        if (required) {
            sink.error(value.location(), ProblemKind.METADATA, message);
        } else {
            sink.warning(value.location(), ProblemKind.METADATA, message);
        }
        return null;
    }

    private void checkDate(YamlNode.Mapping rule, String key) {
        String date = text(rule, key, false);
        if (date == null) {
            return;
        }
        boolean valid = ISO_DATE.matcher(date).matches();
        if (valid) {
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                valid = false;
            }
        }
        if (!valid) {
            sink.warning(rule.entry(key).value().location(), ProblemKind.METADATA,
                    "'" + key + "' value '" + date + "' is not an ISO date YYYY-MM-DD");
        }
    }

    private List<String> tags(YamlNode.Mapping rule) {
        YamlNode value = rule.get("tags");
        List<String> tags = new ArrayList<>();
        if (value == null || (value instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.ScalarType.NULL)) {
            return tags;
        }
        if (!(value instanceof YamlNode.Sequence sequence)) {
            sink.warning(value.location(), ProblemKind.METADATA, "'tags' is " + YamlNode.describe(value)
                    + "; it must be a list of strings");
            return tags;
        }
        for (YamlNode item : sequence.items()) {
            if (item instanceof YamlNode.Scalar scalar && scalar.type() != YamlNode.ScalarType.NULL) {
                tags.add(scalar.text());
            } else {
                sink.warning(item.location(), ProblemKind.METADATA, "a tag is " + YamlNode.describe(item)
                        + "; tags are strings");
            }
        }
        return tags;
    }

    LogSource logSource(YamlNode.Mapping rule) {
        YamlNode value = rule.get("logsource");
        if (value == null) {
            sink.error(rule.location(), ProblemKind.METADATA,
                    "rule has no 'logsource'; give at least one of category, product, service");
            return LogSource.ANY;
        }
        if (!(value instanceof YamlNode.Mapping logsource)) {
            sink.error(value.location(), ProblemKind.METADATA, "'logsource' is " + YamlNode.describe(value)
                    + "; it must be a mapping of category, product, service");
            return LogSource.ANY;
        }
        String[] parts = new String[3];
        for (YamlNode.Entry entry : logsource.entries()) {
            String key = entry.key().text();
            if (!LOGSOURCE_PARTS.contains(key)) {
                continue;
            }
            String text = null;
            if (entry.value() instanceof YamlNode.Scalar scalar) {
                text = scalar.type() == YamlNode.ScalarType.NULL ? null : scalar.text();
            } else {
                sink.error(entry.value().location(), ProblemKind.METADATA, "logsource '" + key + "' is "
                        + YamlNode.describe(entry.value()) + "; it must be a single name");
            }
            switch (key) {
                case "category" -> parts[0] = text;
                case "product" -> parts[1] = text;
                default -> parts[2] = text;
            }
        }
        return new LogSource(parts[0], parts[1], parts[2]);
    }
}
