package io.sigscan.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.sigscan.engine.ScanInput;
import io.sigscan.engine.ScanListener;

class ProgressBarTest {
    private long now;

    @Test
    void showsShareFilesRateAndTimeLeftAndErasesItselfAtTheEnd() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), 4_000_000, 2, ScanListener.NONE, () -> now);
        now = 2_000_000_000L;
        bar.onProgress(1_000_000, 50_000);
        bar.onInputEnd(ScanInput.whole(Path.of("a"), "a"), 1_000_000, 0);
        assertEquals("[######..................]  25%  1/2 files  1.0/4.0 MB  25,000 events/s  ETA 0:06",
                bar.line(2.0));
        assertTrue(text.toString().startsWith("\r[######"), text.toString());
        int drawn = text.toString().length();
        bar.onProgress(1, 1);
        assertEquals(drawn, text.toString().length(), "not redrawn within a quarter of a second");
        bar.finish();
        assertTrue(text.toString().endsWith("\r"), "the line is blanked and the cursor back at its start");
    }
}
