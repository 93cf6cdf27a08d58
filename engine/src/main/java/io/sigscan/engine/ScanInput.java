package io.sigscan.engine;

import java.nio.file.Path;

/**
 * One file to scan, or the part of it from {@code start} on: how incremental scans resume a file
 * that has grown since it was last read.
 *
 * <p>With {@code end == }{@link #TO_END} the file is read to its end as found, a last record
 * without its line break included. With {@code end >= 0} reading stops at {@code end} or before,
 * at the end of the last <em>complete</em> record (JSON lines and text: after the last line
 * break; pretty-printed JSON: after the last line starting with the closing {@code '}'} of a
 * top-level object; EVTX: after the last whole 64 KiB chunk), so that a record still being written
 * is left for the next scan. {@link ScanListener#onInputEnd} tells where reading stopped.
 *
 * @param path       the file
 * @param name       how matches and problems name it
 * @param start      byte offset of a record start to begin at (0: the beginning, format header included)
 * @param lineBreaks line breaks before {@code start}, so that line numbers stay those of the whole file
 * @param end        {@link #TO_END}, or the byte offset not to read past
 * @param problem    null, or why the path cannot be read: reported in its place instead
 */
public record ScanInput(Path path, String name, long start, long lineBreaks, long end, ScanProblem problem) {

    /** Read the file to its end, whatever it is when reached. */
    public static final long TO_END = -1;

    public ScanInput {
        if (start < 0 || lineBreaks < 0 || end < TO_END || (end != TO_END && end < start)) {
            throw new IllegalArgumentException("bad range of " + name + ": start " + start + ", line breaks "
                    + lineBreaks + ", end " + end);
        }
    }

    /** The whole file, read to its end. */
    public static ScanInput whole(Path path, String name) {
        return new ScanInput(path, name, 0, 0, TO_END, null);
    }

    /** The complete records of {@code [start, end)} of the file, {@code lineBreaks} before {@code start}. */
    public static ScanInput range(Path path, String name, long start, long lineBreaks, long end) {
        return new ScanInput(path, name, start, lineBreaks, end, null);
    }

    /** A path found unreadable while listing inputs: the scan reports {@code problem} in its place. */
    public static ScanInput unreadable(Path path, ScanProblem problem) {
        return new ScanInput(path, problem.file(), 0, 0, TO_END, problem);
    }

    /** Whether reading stops at the end of the last complete record before {@link #end}. */
    public boolean completeRecordsOnly() {
        return end != TO_END;
    }
}
