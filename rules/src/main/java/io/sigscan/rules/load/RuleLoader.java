package io.sigscan.rules.load;

import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.SigmaRule;
import io.sigscan.rules.model.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads Sigma rule files into {@link SigmaRule}s, correlation rules and meta filters, and reports every problem with its
 * file:line:column. Never throws for bad input: unreadable files, invalid UTF-8, YAML errors,
 * unsupported constructs and even internal failures become problems, and loading goes on with
 * the next document and file.
 *
 * <p>Directories are walked recursively in sorted order, following symbolic links (a link
 * back to an enclosing directory is reported, not followed); only {@code .yml} and
 * {@code .yaml} files are read there, and names starting with {@code .} (such as
 * {@code .github}) are skipped. A file named explicitly is read whatever its extension.
 * Results are in that order whatever the number of threads used.
 *
 * <p>Problem kinds: io, encoding, yaml, yaml-tag, duplicate-key, legacy-syntax, metadata,
 * detection, correlation, filter, unknown-modifier, modifier, placeholder, regex, condition,
 * internal.
 */
public final class RuleLoader {

    private final YamlDocumentReader yaml = new YamlDocumentReader();
    private final Placeholders placeholders;

    private RuleLoader(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    /**
     * A loader with safe limits: files up to 8 MiB, at most 20 aliases to collections, nesting
     * up to 64 levels. Safe to share between threads.
     */
    public static RuleLoader defaults() {
        return new RuleLoader(Placeholders.none());
    }

    /**
     * A loader like this one that expands {@code %name%} placeholders of {@code expand} values
     * with {@code placeholders}; without it, a rule using a placeholder is rejected.
     */
    public RuleLoader withPlaceholders(Placeholders placeholders) {
        return new RuleLoader(placeholders);
    }

    /**
     * Loads files and directories (recursively), in the order given. Files are read and parsed
     * in parallel; rules and problems come out in file order all the same.
     */
    public LoadResult load(List<Path> paths) {
        List<LoadResult> perSource = RuleFileWalker.sources(paths).parallelStream().map(this::load).toList();
        LoadedDocuments documents = new LoadedDocuments();
        List<Problem> problems = new ArrayList<>();
        int rejected = 0;
        for (LoadResult result : perSource) {
            documents.addAll(result);
            problems.addAll(result.problems());
            rejected += result.rejected();
        }
        return documents.result(problems, rejected);
    }

    /** Loads one text of one or more YAML documents; {@code sourceName} names it in locations. */
    public LoadResult load(String sourceName, String yamlText) {
        ProblemSink sink = new ProblemSink();
        LoadedDocuments documents = new LoadedDocuments();
        loadText(sourceName, yamlText, sink, documents);
        return documents.result(sink.problems(), sink.rejectedCount());
    }

    private LoadResult load(RuleFileWalker.Source source) {
        if (source.problem() != null) {
            return new LoadResult(List.of(), List.of(source.problem()));
        }
        ProblemSink sink = new ProblemSink();
        LoadedDocuments documents = new LoadedDocuments();
        loadFile(source.file(), sink, documents);
        return documents.result(sink.problems(), sink.rejectedCount());
    }

    private void loadFile(Path path, ProblemSink sink, LoadedDocuments documents) {
        String text = RuleFileReader.read(path, sink);
        if (text != null) {
            loadText(path.toString(), text, sink, documents);
        } else {
            sink.rejected();
        }
    }

    private void loadText(String sourceName, String text, ProblemSink sink, LoadedDocuments loaded) {
        try {
            int errorsBefore = sink.errorCount();
            List<YamlNode> documents = yaml.read(sourceName, text, sink);
            if (documents.isEmpty() && sink.errorCount() == errorsBefore) {
                sink.warning(new Location(sourceName, 0, 0), ProblemKind.YAML, "file holds no YAML document, so no rule");
            }
            new RuleDocumentReader(sink, placeholders).readAll(documents, loaded);
        } catch (RuntimeException | StackOverflowError e) {
            sink.error(new Location(sourceName, 0, 0), ProblemKind.INTERNAL,
                    "internal error while loading this file, please report it: " + e);
            sink.rejected();
        }
    }
}
