package io.sigscan.engine.scan;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import io.sigscan.engine.MatchHandler;
import io.sigscan.engine.ScanInput;
import io.sigscan.engine.ScanListener;
import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.ScanProblem;
import io.sigscan.engine.ScanProblemHandler;
import io.sigscan.engine.ScanSummary;
import io.sigscan.engine.input.FormatDetector;
import io.sigscan.engine.input.InputEntry;
import io.sigscan.engine.input.InputFiles;
import io.sigscan.engine.record.ByteScan;
import io.sigscan.engine.record.RecordFormat;
import io.sigscan.engine.record.RecordProblemSink;
import io.sigscan.engine.text.TextFormat;
import io.sigscan.rules.compile.CompiledRuleSet;

/**
 * Runs scans: expands inputs, maps each file read-only in windows that end at record starts,
 * recognises its format, and feeds the windows' chunks to an {@link OrderedOutput}.
 *
 * <p>A window is at most {@code windowBytes} long and is unmapped (deterministically, with Agrona's
 * {@link IoUtil#unmap}) as soon as its last chunk has been emitted. When no record starts inside a
 * whole window, the record at its start is longer than any accepted record: it is reported as
 * {@code too-long} and skipped by searching ahead window by window.
 */
public final class ScanDriver {
    /** Mapping window: large enough that remapping is rare, small enough for any address space. */
    public static final int DEFAULT_WINDOW_BYTES = 1 << 30;

    private final CompiledRuleSet rules;
    private final ScanOptions options;
    private final int windowBytes;
    /** Shared by every scan of this driver, so that a scan starts with the buffers the last one grew. */
    private final RenderedEventsPool renderedEvents;

    public ScanDriver(CompiledRuleSet rules, ScanOptions options, int windowBytes) {
        if (windowBytes <= options.maxRecordBytes()) {
            throw new IllegalArgumentException("the mapping window (" + windowBytes
                    + " bytes) must be longer than the maximum record (" + options.maxRecordBytes() + " bytes)");
        }
        this.rules = rules;
        this.options = options;
        this.windowBytes = windowBytes;
        this.renderedEvents = new RenderedEventsPool(OrderedOutput.maxChunksInFlight(options.threads()) + options.threads());
    }

    public ScanSummary scanFiles(List<Path> inputs, MatchHandler matches, ScanProblemHandler problems,
                                 ScanListener listener) {
        final long started = System.nanoTime();
        try (OrderedOutput output = newOutput(matches, problems, listener)) {
            for (InputEntry entry : InputFiles.expand(inputs)) {
                if (entry.problem() != null) {
                    output.problem(entry.problem());
                } else {
                    scanFile(output, ScanInput.whole(entry.path(), entry.name()));
                }
            }
            return output.finish(started);
        }
    }

    public ScanSummary scanInputs(List<ScanInput> inputs, MatchHandler matches, ScanProblemHandler problems,
                                  ScanListener listener) {
        final long started = System.nanoTime();
        try (OrderedOutput output = newOutput(matches, problems, listener)) {
            for (ScanInput input : inputs) {
                if (input.problem() != null) {
                    output.problem(input.problem());
                } else {
                    scanFile(output, input);
                }
            }
            return output.finish(started);
        }
    }

    public ScanSummary scanRange(String sourceName, DirectBuffer buffer, int offset, int length,
                                 MatchHandler matches, ScanProblemHandler problems) {
        if (offset < 0 || length < 0 || (long) offset + length > buffer.capacity()) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside a buffer of "
                    + buffer.capacity() + " bytes");
        }
        final long started = System.nanoTime();
        try (OrderedOutput output = newOutput(matches, problems, ScanListener.NONE)) {
            output.inputOpened();
            output.bytesRead(length);
            if (length > 0) {
                int end = offset + length;
                FormatDetector.Detection detection = FormatDetector.detect(buffer, offset, end,
                        options.maxRecordBytes(), options.profile());
                RecordFormat format = detection.format();
                output.startInput(sourceName, format, 0);
                format.checkInput(sourceName, buffer, offset, end, length, output::problem);
                output.chunks(format, buffer, detection.dataStart(), end, 0);
            }
            return output.finish(started);
        }
    }

    private OrderedOutput newOutput(MatchHandler matches, ScanProblemHandler problems, ScanListener listener) {
        return new OrderedOutput(rules, options.threads(), options.chunkBytes(), options.maxRecordBytes(),
                renderedEvents, matches, problems, listener);
    }

    /**
     * Scans {@code input} from its start: its format is recognised from the file's first window
     * (whatever the start, so a resumed JSON file keeps its layout and an EVTX file its header
     * offset); the header is checked only when reading from the beginning.
     */
    private void scanFile(OrderedOutput output, ScanInput input) {
        final String name = input.name();
        long position = input.start();
        try (FileChannel channel = FileChannel.open(input.path(), StandardOpenOption.READ)) {
            final long size = channel.size();
            final long limit = input.completeRecordsOnly() ? Math.min(size, input.end()) : size;
            output.inputOpened();
            if (limit <= position) {
                output.startInput(name, TextFormat.INSTANCE, input.lineBreaks());
                output.endInput(input, position);
                return;
            }
            final FormatDetector.Detection detection = detect(channel, name, limit, position == 0, output);
            if (detection == null) {
                return;
            }
            final RecordFormat format = detection.format();
            output.startInput(name, format, input.lineBreaks());
            position = Math.max(position, detection.dataStart());
            while (position < limit) {
                final int length = (int) Math.min(windowBytes, limit - position);
                final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, position, length);
                final UnsafeBuffer window = new UnsafeBuffer(mapped);
                final boolean lastWindow = position + length >= limit;
                final int end;
                try {
                    end = !lastWindow ? format.lastRecordStart(window, position, 0, length)
                            : input.completeRecordsOnly() ? format.lastRecordEnd(window, position, 0, length) : length;
                } catch (InternalError e) {
                    IoUtil.unmap(mapped); // no chunk of it was handed out yet
                    throw e;
                }
                if (end < 0) {
                    IoUtil.unmap(mapped);
                    position = skipOversized(output, channel, format, position, limit);
                    continue;
                }
                try {
                    output.chunks(format, window, 0, end, position);
                } finally {
                    output.release(mapped); // once the chunks cut so far are done, whatever happened
                }
                position += end;
                if (lastWindow) {
                    break;
                }
            }
            output.bytesRead(position - input.start());
            output.endInput(input, position);
        } catch (IOException e) {
            output.problem(new ScanProblem(name, position == 0 ? -1 : position, 0, InputFiles.UNREADABLE,
                    InputFiles.reason(e)));
        } catch (InternalError e) {
            // How the JVM reports reading a mapped page past the end of a file that shrank while it
            // was read (a log rotated by truncation): this file stops here, the other inputs go on.
            output.problem(new ScanProblem(name, position == 0 ? -1 : position, 0, InputFiles.UNREADABLE,
                    "the file shrank while it was read (truncated or rotated?); the rest of it was skipped: "
                            + e.getMessage()));
        }
    }

    /**
     * The format of the file, from its first window; reports header problems when {@code check}.
     * Null, reported, for UTF-16 text: read as bytes, its every other byte zero, no rule would
     * match it, and a PowerShell export written with Out-File is UTF-16.
     */
    private FormatDetector.Detection detect(FileChannel channel, String name, long limit, boolean check,
                                            OrderedOutput output) throws IOException {
        final int length = (int) Math.min(windowBytes, limit);
        final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, length);
        try {
            final UnsafeBuffer head = new UnsafeBuffer(mapped);
            if (FormatDetector.isUtf16(head, 0, length)) {
                output.problem(new ScanProblem(name, 0, 0, FormatDetector.UNSUPPORTED_ENCODING, "UTF-16 text (it starts "
                        + "with a UTF-16 byte order mark); sigscan reads UTF-8: convert it first, e.g. with "
                        + "iconv -f UTF-16 -t UTF-8, or export with -Encoding utf8"));
                return null;
            }
            FormatDetector.Detection detection = FormatDetector.detect(head, 0, length, options.maxRecordBytes(),
                    options.profile());
            if (check) {
                detection.format().checkInput(name, head, 0, length, channel.size(), output::problem);
            }
            return detection;
        } finally {
            IoUtil.unmap(mapped);
        }
    }

    /**
     * Skips the record at {@code from}, which outgrows a whole window, up to the next record start
     * (or the end of the input), reporting it; returns where reading resumes.
     */
    private long skipOversized(OrderedOutput output, FileChannel channel, RecordFormat format, long from, long size)
            throws IOException {
        long position = from;
        long lineBreaks = 0;
        String quote = null;
        while (true) {
            final int length = (int) Math.min(windowBytes, size - position);
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, position, length);
            try {
                final UnsafeBuffer window = new UnsafeBuffer(mapped);
                if (quote == null) {
                    quote = ByteScan.quote(window, 0, length);
                }
                final int next = length > 1 ? format.nextRecordStart(window, position, 1, length) : -1;
                final boolean last = position + length >= size;
                if (next > 0 || last) {
                    final int stop = next > 0 ? next : length;
                    lineBreaks += ByteScan.countNewlines(window, 0, stop);
                    output.skipped(from, lineBreaks, RecordProblemSink.TOO_LONG, "record longer than "
                            + options.maxRecordBytes() + " bytes (the maximum record size) skipped: " + quote);
                    return position + stop;
                }
                // Overlap windows by one byte so a record start at a window's end is still seen.
                lineBreaks += ByteScan.countNewlines(window, 0, length - 1);
                position += length - 1;
            } finally {
                IoUtil.unmap(mapped);
            }
        }
    }
}
