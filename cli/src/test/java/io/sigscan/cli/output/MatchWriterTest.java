package io.sigscan.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

class MatchWriterTest {

    /** Standard output after the reader of a pipe has gone: every write fails. */
    private static final class ClosedPipe extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
        }
    }

    @Test
    void stopsSoonAfterStandardOutputIsClosed() {
        MatchWriter writer = MatchWriter.create(OutputFormat.JSONL, new PrintWriter(new ClosedPipe()));
        for (int i = 1; i < MatchWriter.CHECK_EVERY; i++) {
            writer.onMatch(Matches.textMatch(Matches.BARE_RULE));
        }
        UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> writer.onMatch(Matches.textMatch(Matches.BARE_RULE)));
        assertEquals("the output stream is closed or failing", failure.getCause().getMessage());
    }

    @Test
    void finishReportsAFailedFlush() {
        MatchWriter writer = MatchWriter.create(OutputFormat.CSV, new PrintWriter(new ClosedPipe()));
        writer.onMatch(Matches.textMatch(Matches.BARE_RULE));
        assertThrows(IOException.class, writer::finish);
    }
}
