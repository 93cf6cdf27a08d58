package io.sigscan.rules.load;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.model.LogSource;
import io.sigscan.rules.model.RuleInfo;
import io.sigscan.rules.model.RuleReference;
import io.sigscan.rules.model.SigmaFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a meta filter document: title and id, its {@code logsource}, and the {@code filter}
 * section, whose {@code rules} name the rules it applies to and whose other keys are a detection
 * (selections and a condition) lowered like a rule's. {@code rules} may be left out, empty, or
 * {@code any}/{@code all} (as pySigma accepts): the filter then applies to every rule of its log source.
 */
final class FilterReader {

    private static final Pattern NOT = Pattern.compile("(?i)(^|[\\s(])not[\\s(]");

    private final ProblemSink sink;
    private final RuleMetadataReader metadata;
    private final DetectionLowerer detection;

    FilterReader(ProblemSink sink, RuleMetadataReader metadata, DetectionLowerer detection) {
        this.sink = sink;
        this.metadata = metadata;
        this.detection = detection;
    }

    /** The filter in {@code document}, or null when it has errors (all of them reported). */
    SigmaFilter read(YamlNode.Mapping document, YamlNode.Entry section) {
        int errorsBefore = sink.errorCount();
        RuleInfo info = metadata.info(document);
        LogSource logSource = metadata.logSource(document);
        if (!(section.value() instanceof YamlNode.Mapping filter)) {
            sink.error(section.value().location(), ProblemKind.FILTER, "'filter' is " + YamlNode.describe(section.value())
                    + "; it must be a mapping of rules, selections and a condition");
            return null;
        }
        List<RuleReference> rules = rules(filter);
        List<YamlNode.Entry> detectionEntries = new ArrayList<>();
        for (YamlNode.Entry entry : filter.entries()) {
            if (!entry.key().text().equals("rules")) {
                detectionEntries.add(entry);
            }
        }
        Expr condition = detection.lower(new YamlNode.Mapping(detectionEntries, filter.location()), info.displayName());
        if (sink.errorCount() != errorsBefore || condition == null) {
            return null;
        }
        warnIfKeeping(filter.get("condition"));
        return new SigmaFilter(info, logSource, rules, condition);
    }

    /**
     * The rules the filter names; empty for {@code any} or {@code all}: every rule of its log source.
     * The spec makes {@code rules} mandatory, and a filter that named none and applied to every
     * rule could silence a whole rule set unnoticed: missing, null or empty, it is an error.
     */
    private List<RuleReference> rules(YamlNode.Mapping filter) {
        YamlNode value = filter.get("rules");
        List<RuleReference> rules = new ArrayList<>();
        if (value instanceof YamlNode.Scalar scalar && List.of("any", "all").contains(scalar.text().toLowerCase(Locale.ROOT))) {
            return rules;
        }
        if (value == null || (value instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.ScalarType.NULL)
                || (value instanceof YamlNode.Sequence sequence && sequence.items().isEmpty())) {
            sink.error(value == null ? filter.location() : value.location(), ProblemKind.FILTER, "filter names no "
                    + "rules; list the rule ids or names it applies to under 'rules', or write 'rules: any' for every "
                    + "rule of its log source");
            return rules;
        }
        List<YamlNode> items = value instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(value);
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Scalar scalar && scalar.type() != YamlNode.ScalarType.NULL
                    && !scalar.text().isEmpty()) {
                rules.add(new RuleReference(scalar.text(), scalar.location()));
            } else {
                sink.error(item.location(), ProblemKind.FILTER, "filter 'rules' holds " + YamlNode.describe(item)
                        + "; list rule ids or names, or write 'any' for every rule of the log source");
            }
        }
        return rules;
    }

    /**
     * Filters are ANDed onto rules as written, so a condition without {@code not} keeps only the
     * events it matches, the opposite of what most filters mean: worth a warning, not a rejection.
     */
    private void warnIfKeeping(YamlNode condition) {
        if (condition instanceof YamlNode.Scalar scalar && !NOT.matcher(scalar.text()).find()) {
            sink.warning(scalar.location(), ProblemKind.FILTER, "filter condition '" + scalar.text() + "' has no "
                    + "'not': it is ANDed onto the rules as written, so they only match events it matches; write 'not "
                    + scalar.text() + "' to exclude them");
        }
    }
}
