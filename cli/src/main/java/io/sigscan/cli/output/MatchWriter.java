package io.sigscan.cli.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

import io.sigscan.engine.Match;
import io.sigscan.engine.MatchHandler;
import io.sigscan.engine.correlate.CorrelationAlert;
import io.sigscan.engine.correlate.CorrelationAlertHandler;

/**
 * Formats matches and correlation alerts onto a character stream. {@link #onMatch} reports write failures as
 * {@link UncheckedIOException} because {@link MatchHandler} cannot throw; {@link #finish} flushes
 * and must be called once after the last match. The stream itself is not closed.
 *
 * <p>A {@link PrintWriter} (standard output) swallows write errors, so it is checked every
 * {@value #CHECK_EVERY} matches: a hunt piped into {@code head} stops soon after {@code head}
 * exits instead of scanning on for nothing.
 */
public abstract class MatchWriter implements MatchHandler, CorrelationAlertHandler {
    static final int CHECK_EVERY = 256;

    private final Writer out;
    private long written;

    MatchWriter(Writer out) {
        this.out = out;
    }

    /** A writer of {@code format} onto {@code out}, its header (if any) already written. */
    public static MatchWriter create(OutputFormat format, Writer out) {
        MatchWriter writer = switch (format) {
            case JSONL -> new JsonLinesMatchWriter(out);
            case CSV -> new CsvMatchWriter(out);
            case TABLE -> new TableMatchWriter(out);
        };
        writer.writeHeader();
        return writer;
    }

    @Override
    public final void onMatch(Match match) {
        writeMatch(match);
        counted();
    }

    @Override
    public final void onAlert(CorrelationAlert alert) {
        write(format(alert));
        counted();
    }

    /** Writes one match: by default its {@link #format(Match)} text. */
    void writeMatch(Match match) {
        write(format(match));
    }

    private void counted() {
        if (++written % CHECK_EVERY == 0) {
            try {
                throwIfClosed();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Flushes what is buffered; fails if any of it could not be written. */
    public void finish() throws IOException {
        out.flush();
        throwIfClosed();
    }

    private void throwIfClosed() throws IOException {
        if (out instanceof PrintWriter printer && printer.checkError()) {
            throw new IOException("the output stream is closed or failing");
        }
    }

    /** The header line(s) the format starts with, empty when it has none. */
    abstract String header();

    /** The text for one match, line terminator included. */
    abstract String format(Match match);

    /** The text for one correlation alert, line terminator included. */
    abstract String format(CorrelationAlert alert);

    private void writeHeader() {
        String header = header();
        if (!header.isEmpty()) {
            write(header);
        }
    }

    /** Writes {@code text} to the stream, failing unchecked. */
    final void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
