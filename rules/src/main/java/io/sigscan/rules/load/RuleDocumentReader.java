package io.sigscan.rules.load;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.LogSource;
import io.sigscan.rules.model.RuleInfo;
import io.sigscan.rules.model.SigmaRule;

import java.util.List;

/**
 * Turns the YAML documents of one file into detection rules (metadata through
 * {@link RuleMetadataReader}, detection through {@link DetectionLowerer}), correlation rules
 * ({@link CorrelationReader}) and meta filters ({@link FilterReader}). Sigma 1.0 collections are
 * reported, never skipped silently.
 */
final class RuleDocumentReader {

    private final ProblemSink sink;
    private final RuleMetadataReader metadata;
    private final DetectionLowerer detection;
    private final CorrelationReader correlations;
    private final FilterReader filters;

    RuleDocumentReader(ProblemSink sink, Placeholders placeholders) {
        this.sink = sink;
        this.metadata = new RuleMetadataReader(sink);
        this.detection = new DetectionLowerer(sink, placeholders);
        this.correlations = new CorrelationReader(sink, metadata);
        this.filters = new FilterReader(sink, metadata, detection);
    }

    /** Reads every document of one file, adding each good one to {@code loaded}. */
    void readAll(List<YamlNode> documents, LoadedDocuments loaded) {
        Location collection = null;
        for (YamlNode document : documents) {
            if (collection != null) {
                sink.error(document.location(), ProblemKind.LEGACY_SYNTAX, "document belongs to the Sigma 1.0 rule "
                        + "collection started at " + collection + ", which is not supported");
                sink.rejected();
                continue;
            }
            YamlNode.Entry action = document instanceof YamlNode.Mapping mapping ? mapping.entry("action") : null;
            if (action != null) {
                collection = action.key().location();
                reportAction(action);
                sink.rejected();
                continue;
            }
            readGuarded(document, loaded);
        }
    }

    private void reportAction(YamlNode.Entry action) {
        String value = action.value() instanceof YamlNode.Scalar scalar ? scalar.text() : "";
        sink.error(action.key().location(), ProblemKind.LEGACY_SYNTAX, "'action: " + value + "' is Sigma 1.0 "
                + "rule-collection syntax and not supported; write each rule of the collection as a standalone rule");
    }

    /**
     * Reads one document by its kind, turning any failure of this code into a problem so the
     * next document still loads.
     */
    private void readGuarded(YamlNode document, LoadedDocuments loaded) {
        final int errorsBefore = sink.errorCount();
        try {
            YamlNode.Mapping mapping = document instanceof YamlNode.Mapping m ? m : null;
            YamlNode.Entry correlation = mapping == null ? null : mapping.entry("correlation");
            YamlNode.Entry filter = mapping == null ? null : mapping.entry("filter");
            YamlNode.Entry detection = mapping == null ? null : mapping.entry("detection");
            int kinds = (correlation != null ? 1 : 0) + (filter != null ? 1 : 0) + (detection != null ? 1 : 0);
            if (kinds > 1) {
                // Read as one kind, the other section would be dropped without a word.
                sink.error(document.location(), ProblemKind.METADATA, "a document holds more than one of 'detection', "
                        + "'correlation' and 'filter'; write each as a document of its own (separated by ---)");
                return;
            }
            if (correlation != null) {
                add(correlations.read(mapping, correlation), loaded.correlations);
            } else if (filter != null) {
                add(filters.read(mapping, filter), loaded.filters);
            } else {
                add(read(document), loaded.rules);
            }
        } catch (RuntimeException | StackOverflowError e) {
            sink.error(document.location(), ProblemKind.INTERNAL,
                    "internal error while reading this rule, please report it: " + e);
        }
        if (sink.errorCount() != errorsBefore) {
            sink.rejected();
        }
    }

    private static <T> void add(T document, List<T> documents) {
        if (document != null) {
            documents.add(document);
        }
    }

    /** The rule in {@code document}, or null when it has errors (all of them reported). */
    SigmaRule read(YamlNode document) {
        if (!(document instanceof YamlNode.Mapping rule)) {
            sink.error(document.location(), ProblemKind.METADATA, "a rule document must be a mapping with title, "
                    + "logsource and detection, not " + YamlNode.describe(document));
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
