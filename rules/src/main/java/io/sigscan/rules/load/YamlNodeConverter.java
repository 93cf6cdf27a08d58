package io.sigscan.rules.load;

import io.sigscan.rules.model.Location;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts one composed snakeyaml document into {@link YamlNode}s: expands aliases within the
 * depth and node limits, types scalars as PyYAML does, rejects non-standard tags, merge keys,
 * non-scalar and duplicate keys. Reports problems and returns null when it must stop.
 */
final class YamlNodeConverter {

    private final String file;
    private final int lineOffset;
    private final ProblemSink sink;
    private int nodes;

    YamlNodeConverter(String file, int lineOffset, ProblemSink sink) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.sink = sink;
    }

    YamlNode convertDocument(Node root) {
        try {
            return convert(root, 0);
        } catch (TooLarge e) {
            sink.error(location(root), ProblemKind.YAML, e.getMessage());
            return null;
        }
    }

    private YamlNode convert(Node node, int depth) {
        if (depth > YamlDocumentReader.MAX_DEPTH) {
            throw new TooLarge("YAML nesting is deeper than " + YamlDocumentReader.MAX_DEPTH
                    + " levels (or an alias refers to its own ancestor)");
        }
        if (++nodes > YamlDocumentReader.MAX_NODES) {
            throw new TooLarge("YAML document has more than " + YamlDocumentReader.MAX_NODES
                    + " nodes, counting each alias as the nodes it repeats");
        }
        if (node instanceof ScalarNode scalar) {
            return convertScalar(scalar);
        }
        if (node instanceof SequenceNode sequence) {
            checkCollectionTag(node, Tag.SEQ);
            List<YamlNode> items = new ArrayList<>(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                items.add(convert(item, depth + 1));
            }
            return new YamlNode.Sequence(items, location(node));
        }
        MappingNode mapping = (MappingNode) node;
        checkCollectionTag(node, Tag.MAP);
        List<YamlNode.Entry> entries = new ArrayList<>(mapping.getValue().size());
        Map<String, YamlNode.Scalar> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode.Scalar key = convertKey(tuple.getKeyNode());
            YamlNode value = convert(tuple.getValueNode(), depth + 1);
            if (key == null) {
                continue;
            }
            YamlNode.Scalar first = seen.putIfAbsent(key.text(), key);
            if (first != null) {
                sink.error(key.location(), ProblemKind.DUPLICATE_KEY, "duplicate key '" + key.text()
                        + "' (first defined at " + first.location() + "); each key may appear once");
                continue;
            }
            entries.add(new YamlNode.Entry(key, value));
        }
        return new YamlNode.Mapping(entries, location(node));
    }

    private YamlNode.Scalar convertKey(Node keyNode) {
        if (!(keyNode instanceof ScalarNode scalar)) {
            sink.error(location(keyNode), ProblemKind.YAML,
                    "a mapping key must be a plain value, not a " + (keyNode instanceof MappingNode ? "mapping" : "list"));
            return null;
        }
        if (scalar.getTag().equals(Tag.MERGE)) {
            sink.error(location(keyNode), ProblemKind.YAML,
                    "YAML merge keys ('<<') are not supported in rules; write the keys out");
            return null;
        }
        return convertScalar(scalar);
    }

    private void checkCollectionTag(Node node, Tag expected) {
        if (!node.getTag().equals(expected)) {
            reportTag(node);
        }
    }

    private YamlNode.Scalar convertScalar(ScalarNode node) {
        String value = node.getValue();
        Tag tag = node.getTag();
        YamlNode.ScalarType type;
        String text;
        if (tag.equals(Tag.STR)) {
            type = YamlNode.ScalarType.STRING;
            text = value;
        } else if (tag.equals(Tag.NULL)) {
            type = YamlNode.ScalarType.NULL;
            text = "";
        } else if (tag.equals(Tag.TIMESTAMP)) {
            type = YamlNode.ScalarType.TIMESTAMP;
            text = value;
        } else if (tag.equals(Tag.INT)) {
            type = YamlNode.ScalarType.INT;
            text = PythonScalarText.ofInt(value);
        } else if (tag.equals(Tag.FLOAT)) {
            type = YamlNode.ScalarType.FLOAT;
            text = PythonScalarText.ofFloat(value);
        } else if (tag.equals(Tag.BOOL)) {
            type = YamlNode.ScalarType.BOOL;
            text = PythonScalarText.ofBool(value);
        } else {
            reportTag(node);
            type = YamlNode.ScalarType.STRING;
            text = value;
        }
        if (text == null) {
            sink.error(location(node), ProblemKind.YAML, "'" + value + "' is not a valid "
                    + type.name().toLowerCase(java.util.Locale.ROOT) + " for its tag " + shortTag(tag));
            text = value;
        }
        return new YamlNode.Scalar(text, type, location(node), textColumn(node));
    }

    private void reportTag(Node node) {
        sink.error(location(node), ProblemKind.YAML_TAG, "YAML tag '" + shortTag(node.getTag())
                + "' is not allowed in rules; only plain strings, numbers, booleans, null, lists and mappings are");
    }

    private static String shortTag(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }

    /**
     * The 1-based column of the value's first character when value characters map one to one
     * onto source columns: a one-line plain or quoted scalar whose source span is exactly the
     * value plus its quotes (any escape or doubled quote would make the span longer).
     */
    private static int textColumn(ScalarNode node) {
        Mark start = node.getStartMark();
        Mark end = node.getEndMark();
        if (start == null || end == null || start.getLine() != end.getLine()) {
            return -1;
        }
        DumperOptions.ScalarStyle style = node.getScalarStyle();
        int quote;
        if (style == DumperOptions.ScalarStyle.PLAIN) {
            quote = 0;
        } else if (style == DumperOptions.ScalarStyle.SINGLE_QUOTED
                || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
            quote = 1;
        } else {
            return -1;
        }
        String value = node.getValue();
        int span = end.getIndex() - start.getIndex() - 2 * quote;
        return span == value.codePointCount(0, value.length()) ? start.getColumn() + 1 + quote : -1;
    }

    private Location location(Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? new Location(file, lineOffset + 1, 1)
                : new Location(file, lineOffset + mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Aborts converting a document that nests or expands beyond the limits. */
    private static final class TooLarge extends RuntimeException {

        TooLarge(String message) {
            super(message, null, false, false);
        }
    }
}
