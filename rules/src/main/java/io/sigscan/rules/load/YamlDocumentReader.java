package io.sigscan.rules.load;

import io.sigscan.rules.model.Location;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Composes the YAML documents of one text into {@link YamlNode} trees. Only composition is
 * used, so no tag ever constructs a Java object; tags are checked here and reported instead.
 *
 * <p>The text is first cut at {@code ---} lines: YAML forbids such a line inside any content,
 * so each piece holds whole documents, and a syntax error in one document does not hide the
 * rules in the next.
 */
final class YamlDocumentReader {

    static final int MAX_ALIASES = 20;
    static final int MAX_DEPTH = 64;
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    /** Bounds what aliases can expand to: far above any real rule, far below a memory problem. */
    static final int MAX_NODES = 100_000;

    private final LoaderOptions options;
    private final PyYamlResolver resolver = new PyYamlResolver();

    YamlDocumentReader() {
        options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        options.setMergeOnCompose(false);
        // Composition never constructs objects from tags; unknown tags are reported while
        // converting nodes, with a better message than snakeyaml's.
        options.setTagInspector(tag -> true);
    }

    /** The non-empty documents of {@code text}; problems go to {@code sink}. */
    List<YamlNode> read(String file, String text, ProblemSink sink) {
        List<YamlNode> documents = new ArrayList<>();
        for (Segment segment : segments(text)) {
            readSegment(file, segment, sink, documents);
        }
        return documents;
    }

    private void readSegment(String file, Segment segment, ProblemSink sink, List<YamlNode> documents) {
        Composer composer = new Composer(
                new ParserImpl(new StreamReader(segment.text()), options), resolver, options);
        try {
            while (composer.checkNode()) {
                Node node = composer.getNode();
                if (node == null) {
                    continue;
                }
                Converter converter = new Converter(file, segment.firstLine(), sink);
                int errorsBefore = sink.errorCount();
                YamlNode document = converter.convertDocument(node);
                if (document != null && sink.errorCount() == errorsBefore && !isEmpty(document)) {
                    documents.add(document);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Location location = mark == null
                    ? new Location(file, segment.firstLine() + 1, 1)
                    : new Location(file, segment.firstLine() + mark.getLine() + 1, mark.getColumn() + 1);
            sink.error(location, ProblemKind.YAML, "YAML syntax error: " + describe(e));
        } catch (YAMLException e) {
            sink.error(new Location(file, segment.firstLine() + 1, 1), ProblemKind.YAML,
                    "YAML document rejected: " + e.getMessage());
        }
    }

    private static boolean isEmpty(YamlNode document) {
        return document instanceof YamlNode.Scalar scalar
                && scalar.type() == YamlNode.ScalarType.NULL && scalar.text().isEmpty();
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem().trim();
        String context = e.getContext() == null ? "" : e.getContext().trim();
        if (context.isEmpty()) {
            return problem;
        }
        return problem.isEmpty() ? context : problem + " (" + context + ")";
    }

    record Segment(String text, int firstLine) {
    }

    /**
     * Cuts {@code text} before every line that starts a document ({@code ---} followed by a blank
     * or the line end), keeping {@code %} directive lines with the document they precede.
     */
    static List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        int segmentStart = 0;
        int segmentLine = 0;
        int directiveStart = -1;
        int directiveLine = -1;
        int line = 0;
        int position = 0;
        while (position < text.length()) {
            int end = text.indexOf('\n', position);
            int next = end < 0 ? text.length() : end + 1;
            if (isDocumentStart(text, position)) {
                int cut = directiveStart >= 0 ? directiveStart : position;
                int cutLine = directiveStart >= 0 ? directiveLine : line;
                if (cut > segmentStart) {
                    segments.add(new Segment(text.substring(segmentStart, cut), segmentLine));
                }
                segmentStart = cut;
                segmentLine = cutLine;
                directiveStart = -1;
            } else if (text.startsWith("%", position)) {
                if (directiveStart < 0) {
                    directiveStart = position;
                    directiveLine = line;
                }
            } else {
                directiveStart = -1;
            }
            position = next;
            line++;
        }
        if (segmentStart < text.length() || segments.isEmpty()) {
            segments.add(new Segment(text.substring(segmentStart), segmentLine));
        }
        return segments;
    }

    private static boolean isDocumentStart(String text, int position) {
        if (!text.startsWith("---", position)) {
            return false;
        }
        int after = position + 3;
        if (after >= text.length()) {
            return true;
        }
        char c = text.charAt(after);
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Converts one composed document; reports problems and returns null when it must stop. */
    private static final class Converter {

        private final String file;
        private final int lineOffset;
        private final ProblemSink sink;
        private int nodes;

        Converter(String file, int lineOffset, ProblemSink sink) {
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
            if (depth > MAX_DEPTH) {
                throw new TooLarge("YAML nesting is deeper than " + MAX_DEPTH
                        + " levels (or an alias refers to its own ancestor)");
            }
            if (++nodes > MAX_NODES) {
                throw new TooLarge("YAML document expands to more than " + MAX_NODES
                        + " nodes through aliases");
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
    }

    /** Aborts converting a document that nests or expands beyond the limits. */
    private static final class TooLarge extends RuntimeException {

        TooLarge(String message) {
            super(message, null, false, false);
        }
    }
}
