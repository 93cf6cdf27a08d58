package io.sigscan.rules.load;

import io.sigscan.rules.model.Location;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import java.util.ArrayList;
import java.util.List;

/**
 * Composes the YAML documents of one text into {@link YamlNode} trees. Only composition is
 * used, so no tag ever constructs a Java object; tags are checked here and reported instead.
 *
 * <p>The text is first cut into pieces of whole documents ({@link YamlDocumentSplitter}), so
 * that a syntax error in one document does not hide the rules in the next.
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
        for (YamlDocumentSplitter.Segment segment : YamlDocumentSplitter.segments(text)) {
            readSegment(file, segment, sink, documents);
        }
        return documents;
    }

    private void readSegment(String file, YamlDocumentSplitter.Segment segment, ProblemSink sink, List<YamlNode> documents) {
        Composer composer = new Composer(
                new ParserImpl(new StreamReader(segment.text()), options), resolver, options);
        try {
            while (composer.checkNode()) {
                Node node = composer.getNode();
                if (node == null) {
                    continue;
                }
                YamlNodeConverter converter = new YamlNodeConverter(file, segment.firstLine(), sink);
                int errorsBefore = sink.errorCount();
                YamlNode document = converter.convertDocument(node);
                if (document == null || sink.errorCount() != errorsBefore) {
                    sink.rejected();
                } else if (!isEmpty(document)) {
                    documents.add(document);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Location location = mark == null
                    ? new Location(file, segment.firstLine() + 1, 1)
                    : new Location(file, segment.firstLine() + mark.getLine() + 1, mark.getColumn() + 1);
            sink.error(location, ProblemKind.YAML, "YAML syntax error: " + describe(e));
            sink.rejected();
        } catch (YAMLException e) {
            sink.error(new Location(file, segment.firstLine() + 1, 1), ProblemKind.YAML,
                    "YAML document rejected: " + e.getMessage());
            sink.rejected();
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
}
