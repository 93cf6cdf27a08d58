package io.sigscan.rules.load;

import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.SigmaRule;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads Sigma rule files into {@link SigmaRule}s and reports every problem with its
 * file:line:column. Never throws for bad input: unreadable files, invalid UTF-8, YAML errors,
 * unsupported constructs and even internal failures become problems, and loading goes on with
 * the next document and file.
 *
 * <p>Directories are walked recursively in sorted order, following symbolic links (a link
 * back to an enclosing directory is reported, not followed); only {@code .yml} and
 * {@code .yaml} files are read there, and names starting with {@code .} (such as
 * {@code .github}) are skipped. A file named explicitly is read whatever its extension.
 *
 * <p>Problem kinds: io, encoding, yaml, yaml-tag, duplicate-key, unsupported-document,
 * legacy-syntax, metadata, detection, unknown-modifier, unsupported-modifier, modifier, regex,
 * condition, internal.
 */
public final class RuleLoader {

    private final YamlDocumentReader yaml = new YamlDocumentReader();

    private RuleLoader() {
    }

    /**
     * A loader with safe limits: files up to 8 MiB, at most 20 aliases to collections, nesting
     * up to 64 levels. Safe to share between threads.
     */
    public static RuleLoader defaults() {
        return new RuleLoader();
    }

    /** Loads files and directories (recursively), in the order given. */
    public LoadResult load(List<Path> paths) {
        ProblemSink sink = new ProblemSink();
        List<SigmaRule> rules = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                walk(path, new HashSet<>(), sink, rules);
            } else if (Files.isRegularFile(path)) {
                loadFile(path, sink, rules);
            } else if (Files.exists(path)) {
                // A FIFO or device would block or never end; rules only come from regular files.
                sink.error(new Location(path.toString(), 0, 0), ProblemKind.IO, "not a regular file or directory");
            } else {
                sink.error(new Location(path.toString(), 0, 0), ProblemKind.IO, "no such file or directory");
            }
        }
        return new LoadResult(rules, sink.problems());
    }

    /** Loads one text of one or more YAML documents; {@code sourceName} names it in locations. */
    public LoadResult load(String sourceName, String yamlText) {
        ProblemSink sink = new ProblemSink();
        List<SigmaRule> rules = new ArrayList<>();
        loadText(sourceName, yamlText, sink, rules);
        return new LoadResult(rules, sink.problems());
    }

    private void walk(Path directory, Set<Path> enclosing, ProblemSink sink, List<SigmaRule> rules) {
        Path real;
        List<Path> entries = new ArrayList<>();
        try {
            real = directory.toRealPath();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
                stream.forEach(entries::add);
            }
        } catch (IOException | SecurityException e) {
            sink.error(new Location(directory.toString(), 0, 0), ProblemKind.IO, "cannot read directory: " + e);
            return;
        }
        if (!enclosing.add(real)) {
            sink.error(new Location(directory.toString(), 0, 0), ProblemKind.IO,
                    "directory loop: this link leads back to enclosing directory " + real + "; not followed");
            return;
        }
        entries.sort(null);
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                walk(entry, enclosing, sink, rules);
            } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                if (Files.isRegularFile(entry)) {
                    loadFile(entry, sink, rules);
                } else {
                    sink.error(new Location(entry.toString(), 0, 0), ProblemKind.IO,
                            "not a readable regular file (a broken link?)");
                }
            }
        }
        enclosing.remove(real);
    }

    private void loadFile(Path path, ProblemSink sink, List<SigmaRule> rules) {
        String text = RuleFileReader.read(path, sink);
        if (text != null) {
            loadText(path.toString(), text, sink, rules);
        }
    }

    private void loadText(String sourceName, String text, ProblemSink sink, List<SigmaRule> rules) {
        try {
            int errorsBefore = sink.errorCount();
            List<YamlNode> documents = yaml.read(sourceName, text, sink);
            if (documents.isEmpty() && sink.errorCount() == errorsBefore) {
                sink.warning(new Location(sourceName, 0, 0), ProblemKind.YAML, "file holds no YAML document, so no rule");
            }
            new RuleDocumentReader(sink).readAll(documents, rules);
        } catch (RuntimeException | StackOverflowError e) {
            sink.error(new Location(sourceName, 0, 0), ProblemKind.INTERNAL,
                    "internal error while loading this file, please report it: " + e);
        }
    }
}
