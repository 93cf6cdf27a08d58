package io.sigscan.cli.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
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
 */
public final class AtomicFile implements Closeable {
    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final Writer writer;
    private boolean finished;

    private AtomicFile(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
                1 << 16);
    }

    /** Starts writing {@code target}; its directory must exist. */
    public static AtomicFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
        try {
            return new AtomicFile(absolute, temporary, FileChannel.open(temporary, StandardOpenOption.WRITE));
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
        if (finished) {
            throw new IllegalStateException(target + " is already committed or abandoned");
        }
        writer.flush();
        channel.force(true);
        writer.close();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        finished = true;
        syncDirectory(target.getParent());
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
            Files.deleteIfExists(temporary);
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
