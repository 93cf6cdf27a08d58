package io.sigscan.cli.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file that appears complete or not at all: text goes to a temporary file in the target's
 * directory (so the final rename stays on one file system), which {@link #commit} flushes,
 * fsyncs and renames over the target atomically. {@link #close} without a commit deletes the
 * temporary file and leaves any existing target untouched, so a failed run never leaves a
 * half-written result for a cron job to pick up.
 *
 * <p>A target that exists and is not a regular file ({@code /dev/stdout}, a named pipe) cannot
 * be replaced by a rename; it is written directly.
 */
public final class AtomicFile implements Closeable {
    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final Writer writer;
    private boolean finished;

    private AtomicFile(Path target, Path temporary, FileChannel channel, OutputStream stream) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Starts writing {@code target}; its directory must exist. */
    public static AtomicFile create(Path target) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            return new AtomicFile(target, null, null, Files.newOutputStream(target));
        }
        Path absolute = target.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
        try {
            FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
            return new AtomicFile(absolute, temporary, channel, Channels.newOutputStream(channel));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Where to write; buffered, UTF-8. Do not close it: {@link #commit} or {@link #close} do. */
    public Writer writer() {
        return writer;
    }

    /** Makes the written text the target's content, durably, in one step. */
    public void commit() throws IOException {
        Path written = prepare();
        if (written != null) {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(target.getParent());
        }
    }

    /**
     * Flushes and syncs the text to disk without renaming it, for a caller that renames it as part
     * of a larger commit; from now on the temporary file is the caller's, and {@link #close} leaves
     * it alone.
     *
     * @return the temporary file to rename to {@link #target()}, or null when the target was written
     *         directly (a special file)
     */
    public Path prepare() throws IOException {
        if (finished) {
            throw new IllegalStateException(target + " is already committed or abandoned");
        }
        writer.flush();
        if (temporary != null) {
            channel.force(true);
        }
        writer.close();
        finished = true;
        return temporary;
    }

    /** The file the text is for. */
    public Path target() {
        return target;
    }

    /** Abandons the text unless it was committed: the temporary file is deleted. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            writer.close();
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Makes the rename itself durable where the platform allows syncing a directory. */
    private static void syncDirectory(Path directory) {
        try (FileChannel handle = FileChannel.open(directory, StandardOpenOption.READ)) {
            handle.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open or sync a directory; the rename is still atomic.
        }
    }
}
