package io.sigscan.cli.output;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

import io.sigscan.engine.ScanInput;
import io.sigscan.engine.ScanListener;

/**
 * A one-line progress display for a person watching a terminal: share of bytes, files done,
 * events per second and the time left, redrawn in place on the error stream at most
 * {@value #REDRAWS_PER_SECOND} times a second and erased at the end. Hunts show it only when
 * standard error is a terminal, so cron jobs and pipes never get it.
 */
public final class ProgressBar implements ScanListener {
    static final int REDRAWS_PER_SECOND = 4;
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final long totalBytes;
    private final long totalFiles;
    private final ScanListener next;
    private final LongSupplier clock;
    private final long started;
    private long lastDrawn;
    private long bytes;
    private long events;
    private long files;
    private int drawnLength;

    public ProgressBar(PrintWriter err, long totalBytes, long totalFiles, ScanListener next, LongSupplier nanoClock) {
        this.err = err;
        this.totalBytes = totalBytes;
        this.totalFiles = totalFiles;
        this.next = next;
        this.clock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastDrawn = started;
    }

    /**
     * Whether a person is watching: the process has a console. From Java 22 on {@code System.console()}
     * exists even when the streams are redirected, and {@code Console.isTerminal()} (called
     * reflectively, as this code is built for Java 17) says whether it is a terminal.
     */
    public static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void onProgress(long chunkBytes, long chunkEvents) {
        bytes += chunkBytes;
        events += chunkEvents;
        redrawIfDue();
        next.onProgress(chunkBytes, chunkEvents);
    }

    @Override
    public void onInputEnd(ScanInput input, long end, long lineBreaks) {
        files++;
        redrawIfDue();
        next.onInputEnd(input, end, lineBreaks);
    }

    /** Erases the line, so that the summary starts on a clean one. */
    public void finish() {
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawnLength = 0;
        }
    }

    private void redrawIfDue() {
        long now = clock.getAsLong();
        if (now - lastDrawn < 1_000_000_000L / REDRAWS_PER_SECOND) {
            return;
        }
        lastDrawn = now;
        String line = line((now - started) / 1e9);
        err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        err.flush();
        drawnLength = line.length();
    }

    /** The text of the display after {@code seconds} of scanning. */
    String line(double seconds) {
        double done = totalBytes > 0 ? Math.min(1, (double) bytes / totalBytes) : 0;
        int filled = (int) Math.round(done * WIDTH);
        String eta = done > 0 && seconds > 0 ? clock(seconds / done - seconds) : "--:--";
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%  %,d/%,d files  %.1f/%.1f MB  %,.0f events/s  ETA %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done * 100, files, totalFiles, bytes / 1e6,
                totalBytes / 1e6, seconds > 0 ? events / seconds : 0, eta);
    }

    private static String clock(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
