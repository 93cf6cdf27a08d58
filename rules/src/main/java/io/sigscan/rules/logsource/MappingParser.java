package io.sigscan.rules.logsource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.LogSource;
import io.sigscan.rules.model.Problem;

/**
 * Reads a mapping file through snakeyaml's node tree (safe constructor, bounded aliases and size)
 * so that every problem carries the line and column of the text at fault. Scalars are read as
 * text whatever their YAML type: {@code EventID: 1} accepts the value "1". A broken entry or
 * product marker is reported and skipped; the rest of the file still loads.
 */
final class MappingParser {
    private static final String KIND = "logsource-mapping";
    private static final Set<String> ENTRY_KEYS = Set.of("logsource", "variants");
    private static final Set<String> LOGSOURCE_KEYS = Set.of("category", "product", "service");
    private static final Set<String> VARIANT_KEYS = Set.of("name", "when", "rename");
    private static final Set<String> MARKER_KEYS = Set.of("product", "markers");

    private final String sourceName;
    private final List<Problem> problems = new ArrayList<>();

    MappingParser(String sourceName) {
        this.sourceName = sourceName;
    }

    LogsourceMapping parse(String yamlText) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(loaderOptions())).compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            problems.add(problem(e.getProblemMark(), "not valid YAML: " + e.getProblem()));
            return new LogsourceMapping(List.of(), List.of(), problems);
        } catch (YAMLException e) {
            problems.add(new Problem(new Location(sourceName, 0, 0), Problem.Severity.ERROR, KIND,
                    "not valid YAML: " + e.getMessage()));
            return new LogsourceMapping(List.of(), List.of(), problems);
        }
        List<LogsourceMapping.Entry> entries = new ArrayList<>();
        Node list = root == null ? null : valueOf(root, "logsources");
        if (!(list instanceof SequenceNode sequence)) {
            Mark at = root == null ? null : (list == null ? root : list).getStartMark();
            problems.add(problem(at, "expected a mapping with a 'logsources' list of entries"));
            return new LogsourceMapping(entries, List.of(), problems);
        }
        for (Node item : sequence.getValue()) {
            try {
                entries.add(entry(item));
            } catch (BadEntry bad) {
                problems.add(bad.problem);
            }
        }
        return new LogsourceMapping(entries, markers(valueOf(root, "products")), problems);
    }

    /** The optional 'products' list; a broken marker is reported and left out like an entry. */
    private List<ProductMarker> markers(Node list) {
        List<ProductMarker> markers = new ArrayList<>();
        if (list == null) {
            return markers;
        }
        if (!(list instanceof SequenceNode sequence)) {
            problems.add(problem(list.getStartMark(), "'products' must be a list of product markers"));
            return markers;
        }
        Set<String> seen = new java.util.HashSet<>();
        for (Node item : sequence.getValue()) {
            try {
                ProductMarker marker = marker(item);
                if (!seen.add(marker.product())) {
                    throw bad(item, "product '" + marker.product() + "' has markers already; give all its alternatives in one entry");
                }
                markers.add(marker);
            } catch (BadEntry bad) {
                problems.add(bad.problem);
            }
        }
        return markers;
    }

    private ProductMarker marker(Node node) throws BadEntry {
        MappingNode marker = mapping(node, "a product marker with 'product' and 'markers'");
        checkKeys(marker, MARKER_KEYS);
        String product = text(required(marker, "product")).toLowerCase(java.util.Locale.ROOT);
        Node alternativesNode = required(marker, "markers");
        if (!(alternativesNode instanceof SequenceNode alternativeList) || alternativeList.getValue().isEmpty()) {
            throw bad(alternativesNode, "'markers' must be a non-empty list of field sets");
        }
        List<Map<String, List<String>>> alternatives = new ArrayList<>();
        for (Node alternativeNode : alternativeList.getValue()) {
            MappingNode alternative = mapping(alternativeNode, "a mapping of field to accepted values ([] for any value)");
            if (alternative.getValue().isEmpty()) {
                throw bad(alternative, "a marker needs at least one field");
            }
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (NodeTuple field : alternative.getValue()) {
                Node values = field.getValueNode();
                boolean anyValue = values instanceof SequenceNode anyList && anyList.getValue().isEmpty();
                fields.put(text(field.getKeyNode()), anyValue ? List.of() : values(values));
            }
            alternatives.add(fields);
        }
        return new ProductMarker(product, alternatives);
    }

    private LogsourceMapping.Entry entry(Node node) throws BadEntry {
        MappingNode entry = mapping(node, "a log-source entry with 'logsource' and 'variants'");
        checkKeys(entry, ENTRY_KEYS);
        MappingNode logsource = mapping(required(entry, "logsource"), "a mapping of category/product/service");
        checkKeys(logsource, LOGSOURCE_KEYS);
        if (logsource.getValue().isEmpty()) {
            throw bad(logsource, "'logsource' must give at least one of category, product, service");
        }
        LogSource matched = new LogSource(optionalText(logsource, "category"), optionalText(logsource, "product"),
                optionalText(logsource, "service"));
        Node variantsNode = required(entry, "variants");
        if (!(variantsNode instanceof SequenceNode variantList) || variantList.getValue().isEmpty()) {
            throw bad(variantsNode, "'variants' must be a non-empty list");
        }
        List<LogsourceVariant> variants = new ArrayList<>();
        for (Node variantNode : variantList.getValue()) {
            variants.add(variant(variantNode, matched));
        }
        return new LogsourceMapping.Entry(matched, variants);
    }

    private LogsourceVariant variant(Node node, LogSource logSource) throws BadEntry {
        MappingNode variant = mapping(node, "a variant with 'when' and optional 'name', 'rename'");
        checkKeys(variant, VARIANT_KEYS);
        String name = optionalText(variant, "name");
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        Node when = valueOf(variant, "when");
        if (when != null) {
            for (NodeTuple condition : mapping(when, "a mapping of field to accepted values").getValue()) {
                conditions.put(text(condition.getKeyNode()), values(condition.getValueNode()));
            }
        }
        Map<String, String> renames = new LinkedHashMap<>();
        Node rename = valueOf(variant, "rename");
        if (rename != null) {
            for (NodeTuple pair : mapping(rename, "a mapping of rule field to event field").getValue()) {
                renames.put(text(pair.getKeyNode()), text(pair.getValueNode()));
            }
        }
        return new LogsourceVariant(name != null ? name : logSource.toString(), conditions, renames);
    }

    private List<String> values(Node node) throws BadEntry {
        List<String> values = new ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                values.add(text(item));
            }
        } else {
            values.add(text(node));
        }
        return values;
    }

    private void checkKeys(MappingNode mapping, Set<String> allowed) throws BadEntry {
        for (NodeTuple tuple : mapping.getValue()) {
            String key = text(tuple.getKeyNode());
            if (!allowed.contains(key)) {
                throw bad(tuple.getKeyNode(), "unknown key '" + key + "'; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private MappingNode mapping(Node node, String expected) throws BadEntry {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw bad(node, "expected " + expected);
    }

    private Node required(MappingNode mapping, String key) throws BadEntry {
        Node value = valueOf(mapping, key);
        if (value == null) {
            throw bad(mapping, "missing '" + key + "'");
        }
        return value;
    }

    private String optionalText(MappingNode mapping, String key) throws BadEntry {
        Node value = valueOf(mapping, key);
        return value == null ? null : text(value);
    }

    private String text(Node node) throws BadEntry {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
            return scalar.getValue();
        }
        throw bad(node, "expected a single text value");
    }

    private static Node valueOf(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(4 * 1024 * 1024);
        return options;
    }

    private BadEntry bad(Node node, String message) {
        return new BadEntry(problem(node.getStartMark(), message));
    }

    private Problem problem(Mark mark, String message) {
        Location location = mark == null ? new Location(sourceName, 0, 0)
                : new Location(sourceName, mark.getLine() + 1, mark.getColumn() + 1);
        return new Problem(location, Problem.Severity.ERROR, KIND, message);
    }

    /** Abandons the entry being read; caught per entry so the next one is still read. */
    private static final class BadEntry extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        BadEntry(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }
}
