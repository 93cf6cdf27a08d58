package io.sigscan.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongPredicate;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import io.sigscan.cli.generate.TelemetryGenerator;

/**
 * A JSON-lines file of generated telemetry in a temporary directory, memory-mapped; written once
 * per trial and deleted at its end.
 */
final class GeneratedLog implements AutoCloseable {
    /** The sample every benchmark reads: the same seed, so the same bytes, in every run. */
    static final long SEED = 1;

    private final Path directory;
    private final Path file;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;

    private GeneratedLog(Path directory, Path file, MappedByteBuffer mapped) {
        this.directory = directory;
        this.file = file;
        this.mapped = mapped;
        this.buffer = new UnsafeBuffer(mapped);
    }

    /** Writes {@code events} events of the standard sample and maps them. */
    static GeneratedLog create(long events) throws IOException {
        Path directory = Files.createTempDirectory("sigscan-bench-");
        Path file = directory.resolve("telemetry.jsonl");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            TelemetryGenerator.write(out, SEED, events, Long.MAX_VALUE);
        }
        return map(directory, file);
    }

    /**
     * The first {@code lines} lines of this log whose starting offset {@code keep} accepts, as a
     * log of their own.
     *
     * @throws IllegalStateException when fewer lines are accepted
     */
    GeneratedLog keepLines(int lines, LongPredicate keep) throws IOException {
        Path directory = Files.createTempDirectory("sigscan-bench-");
        Path kept = directory.resolve("telemetry.jsonl");
        int written = 0;
        try (OutputStream out = Files.newOutputStream(kept)) {
            byte[] line = new byte[0];
            int start = 0;
            while (written < lines && start < buffer.capacity()) {
                int end = start;
                while (end < buffer.capacity() && buffer.getByte(end) != '\n') {
                    end++;
                }
                int length = Math.min(end + 1, buffer.capacity()) - start;
                if (keep.test(start)) {
                    if (line.length < length) {
                        line = new byte[length];
                    }
                    buffer.getBytes(start, line, 0, length);
                    out.write(line, 0, length);
                    written++;
                }
                start = end + 1;
            }
        }
        if (written < lines) {
            throw new IllegalStateException("only " + written + " of the " + lines + " lines wanted were kept");
        }
        return map(directory, kept);
    }

    private static GeneratedLog map(Path directory, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            return new GeneratedLog(directory, file, channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        }
    }

    Path file() {
        return file;
    }

    UnsafeBuffer buffer() {
        return buffer;
    }

    long bytes() {
        return buffer.capacity();
    }

    @Override
    public void close() throws IOException {
        IoUtil.unmap(mapped);
        Files.deleteIfExists(file);
        Files.deleteIfExists(directory);
    }
}
