package io.sigscan.engine.input;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.sigscan.engine.ScanProblem;

/**
 * Expands the paths a scan is given into files, deterministically: arguments in the order given,
 * directory entries sorted by name and walked depth-first, symbolic links followed. A link back to
 * an enclosing directory, a link cycle, a missing or unreadable path and anything that is neither
 * a regular file nor a directory become problems in their place; expansion always completes.
 */
public final class InputFiles {
    public static final String UNREADABLE = "unreadable";
    public static final String SYMLINK_LOOP = "symlink-loop";

    private final List<InputEntry> entries = new ArrayList<>();
    /** Directories being walked, by file key (device and inode), to catch links back up the tree. */
    private final Set<Object> enclosing = new HashSet<>();

    private InputFiles() {
    }

    public static List<InputEntry> expand(List<Path> paths) {
        InputFiles files = new InputFiles();
        for (Path path : paths) {
            files.visit(path);
        }
        return files.entries;
    }

    private void visit(Path path) {
        String name = path.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            problem(path, describeFailure(path, e));
            return;
        }
        if (attributes.isRegularFile()) {
            entries.add(new InputEntry(path, name, null));
        } else if (attributes.isDirectory()) {
            visitDirectory(path, attributes);
        } else {
            entries.add(new InputEntry(path, name, new ScanProblem(name, -1, 0, UNREADABLE,
                    "not a regular file or directory")));
        }
    }

    private void visitDirectory(Path directory, BasicFileAttributes attributes) {
        Object key = attributes.fileKey() != null ? attributes.fileKey() : directory.toAbsolutePath().normalize();
        if (!enclosing.add(key)) {
            entries.add(new InputEntry(directory, directory.toString(), new ScanProblem(directory.toString(), -1, 0,
                    SYMLINK_LOOP, "symbolic link loop: leads back to a directory that encloses it")));
            return;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path child : stream) {
                children.add(child);
            }
        } catch (IOException | SecurityException e) {
            problem(directory, new Failure(UNREADABLE, "cannot list directory: " + reason(e)));
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        for (Path child : children) {
            visit(child);
        }
        enclosing.remove(key);
    }

    private void problem(Path path, Failure failure) {
        entries.add(new InputEntry(path, path.toString(),
                new ScanProblem(path.toString(), -1, 0, failure.kind(), failure.message())));
    }

    private static Failure describeFailure(Path path, Exception e) {
        if (e instanceof FileSystemLoopException || isLinkLoop(e)) {
            return new Failure(SYMLINK_LOOP, "symbolic link loop");
        }
        if (Files.isSymbolicLink(path)) {
            return new Failure(UNREADABLE, "broken symbolic link: " + reason(e));
        }
        return new Failure(UNREADABLE, reason(e));
    }

    private static boolean isLinkLoop(Exception e) {
        return e instanceof FileSystemException fse && fse.getReason() != null
                && fse.getReason().contains("levels of symbolic links");
    }

    /** The cause of a failure in a few words, without the path that the problem already names. */
    public static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private record Failure(String kind, String message) {
    }
}
