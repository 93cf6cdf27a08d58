package io.sigscan.rules.load;

import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.Problem;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the rule files under the paths a user gives, in a deterministic order, with the
 * problems met on the way (missing paths, unreadable directories, loops) in their place.
 *
 * <p>Directories are walked recursively in sorted order, following symbolic links; a link back
 * to an enclosing directory is reported, not followed. Only {@code .yml} and {@code .yaml}
 * files are taken from directories, and names starting with {@code .} (such as {@code .github})
 * are skipped. A path named explicitly is taken whatever its extension.
 */
final class RuleFileWalker {

    /** A rule file to load, or a problem found instead of one: exactly one is non-null. */
    record Source(Path file, Problem problem) {
    }

    private final List<Source> sources = new ArrayList<>();
    /** Real paths of the files added: a file reached twice (named twice, overlapping directories, a link) loads once. */
    private final Set<Path> files = new HashSet<>();

    private RuleFileWalker() {
    }

    static List<Source> sources(List<Path> paths) {
        RuleFileWalker walker = new RuleFileWalker();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                walker.walk(path, new HashSet<>());
            } else if (Files.isRegularFile(path)) {
                walker.file(path);
            } else if (Files.exists(path)) {
                // A FIFO or device would block or never end; rules only come from regular files.
                walker.problem(path, "not a regular file or directory");
            } else {
                walker.problem(path, "no such file or directory");
            }
        }
        return walker.sources;
    }

    private void walk(Path directory, Set<Path> enclosing) {
        Path real;
        List<Path> entries = new ArrayList<>();
        try {
            real = directory.toRealPath();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
                stream.forEach(entries::add);
            }
        } catch (IOException | SecurityException e) {
            problem(directory, "cannot read directory: " + e);
            return;
        }
        if (!enclosing.add(real)) {
            problem(directory, "directory loop: this link leads back to enclosing directory " + real + "; not followed");
            return;
        }
        entries.sort(null);
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                walk(entry, enclosing);
            } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                if (Files.isRegularFile(entry)) {
                    file(entry);
                } else {
                    problem(entry, "not a readable regular file (a broken link?)");
                }
            }
        }
        enclosing.remove(real);
    }

    private void file(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException | SecurityException e) {
            real = file.toAbsolutePath().normalize();
        }
        if (files.add(real)) {
            sources.add(new Source(file, null));
        }
    }

    private void problem(Path path, String message) {
        sources.add(new Source(null, new Problem(new Location(path.toString(), 0, 0), Problem.Severity.ERROR,
                ProblemKind.IO, message)));
    }
}
