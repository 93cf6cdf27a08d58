package io.sigscan.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import io.sigscan.engine.Match;
import io.sigscan.engine.MatchHandler;

/**
 * Formats matches onto a character stream. {@link #onMatch} reports write failures as
 * {@link UncheckedIOException} because {@link MatchHandler} cannot throw; {@link #finish} flushes
 * and must be called once after the last match. The stream itself is not closed.
 */
public abstract class MatchWriter implements MatchHandler {
    private final Writer out;

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
        write(format(match));
    }

    /** Flushes what is buffered. */
    public void finish() throws IOException {
        out.flush();
    }

    /** The header line(s) the format starts with, empty when it has none. */
    abstract String header();

    /** The text for one match, line terminator included. */
    abstract String format(Match match);

    private void writeHeader() {
        String header = header();
        if (!header.isEmpty()) {
            write(header);
        }
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
