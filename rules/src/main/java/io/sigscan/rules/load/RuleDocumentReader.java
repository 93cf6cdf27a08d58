package io.sigscan.rules.load;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.LogSource;
import io.sigscan.rules.model.RuleInfo;
import io.sigscan.rules.model.SigmaRule;

import java.util.List;

/**
 * Turns the YAML documents of one file into rules: metadata through {@link RuleMetadataReader},
 * detection through {@link DetectionLowerer}. Documents it cannot run
 * (correlations, filters, Sigma 1.0 collections) are reported, never skipped silently.
 */
final class RuleDocumentReader {

    private final ProblemSink sink;
    private final RuleMetadataReader metadata;
    private final DetectionLowerer detection;

    RuleDocumentReader(ProblemSink sink, Placeholders placeholders) {
        this.sink = sink;
        this.metadata = new RuleMetadataReader(sink);
        this.detection = new DetectionLowerer(sink, placeholders);
    }

    /** Reads every document of one file, adding each good rule to {@code rules}. */
    void readAll(List<YamlNode> documents, List<SigmaRule> rules) {
        Location collection = null;
        for (YamlNode document : documents) {
            if (collection != null) {
                sink.error(document.location(), ProblemKind.LEGACY_SYNTAX, "document belongs to the Sigma 1.0 rule "
                        + "collection started at " + collection + ", which is not supported");
                continue;
            }
            YamlNode.Entry action = document instanceof YamlNode.Mapping mapping ? mapping.entry("action") : null;
            if (action != null) {
                collection = action.key().location();
                reportAction(action);
                continue;
            }
            SigmaRule rule = readGuarded(document);
            if (rule != null) {
                rules.add(rule);
            }
        }
    }

    private void reportAction(YamlNode.Entry action) {
        String value = action.value() instanceof YamlNode.Scalar scalar ? scalar.text() : "";
        sink.error(action.key().location(), ProblemKind.LEGACY_SYNTAX, "'action: " + value + "' is Sigma 1.0 "
                + "rule-collection syntax and not supported; write each rule of the collection as a standalone rule");
    }

    /** Like {@link #read}, turning any failure of this code into a problem so the next document still loads. */
    private SigmaRule readGuarded(YamlNode document) {
        try {
            return read(document);
        } catch (RuntimeException | StackOverflowError e) {
            sink.error(document.location(), ProblemKind.INTERNAL,
                    "internal error while reading this rule, please report it: " + e);
            return null;
        }
    }

    /** The rule in {@code document}, or null when it has errors (all of them reported). */
    SigmaRule read(YamlNode document) {
        if (!(document instanceof YamlNode.Mapping rule)) {
            sink.error(document.location(), ProblemKind.METADATA, "a rule document must be a mapping with title, "
                    + "logsource and detection, not " + YamlNode.describe(document));
            return null;
        }
        if (isUnsupportedDocument(rule)) {
            return null;
        }
        int errorsBefore = sink.errorCount();
        RuleInfo info = metadata.info(rule);
        LogSource logSource = metadata.logSource(rule);
        Expr expr = detection(rule, info.displayName());
        if (sink.errorCount() != errorsBefore || expr == null) {
            return null;
        }
        return new SigmaRule(info, logSource, expr);
    }

    private boolean isUnsupportedDocument(YamlNode.Mapping rule) {
        YamlNode.Entry correlation = rule.entry("correlation");
        YamlNode.Entry filter = rule.entry("filter");
        if (correlation == null && filter == null) {
            return false;
        }
        String title = rule.get("title") instanceof YamlNode.Scalar scalar ? " ('" + scalar.text() + "')" : "";
        if (correlation != null) {
            sink.error(correlation.key().location(), ProblemKind.UNSUPPORTED_DOCUMENT,
                    "correlation rules are not supported yet" + title);
        } else {
            sink.error(filter.key().location(), ProblemKind.UNSUPPORTED_DOCUMENT,
                    "filter documents (meta filters) are not supported yet" + title);
        }
        return true;
    }

    private Expr detection(YamlNode.Mapping rule, String ruleName) {
        YamlNode value = rule.get("detection");
        if (value == null) {
            sink.error(rule.location(), ProblemKind.METADATA, "rule has no 'detection'");
            return null;
        }
        if (!(value instanceof YamlNode.Mapping mapping)) {
            sink.error(value.location(), ProblemKind.DETECTION, "'detection' is " + YamlNode.describe(value)
                    + "; it must be a mapping of search identifiers and a condition");
            return null;
        }
        return detection.lower(mapping, ruleName);
    }
}
