package io.sigscan.engine.record;

import org.agrona.DirectBuffer;

import io.sigscan.engine.ScanProblemHandler;
import io.sigscan.rules.event.FieldTable;

/**
 * One way of cutting bytes into records, detected per input. Immutable and shared by all workers.
 *
 * <p>A <em>record start</em> is a position where the scan may begin reading without having seen
 * the bytes before it. Windows and chunks are cut only there, so no record is ever split between
 * two workers. Positions are indices into the buffer given.
 */
public interface RecordFormat {

    /** A short name for messages, such as {@code json-lines}. */
    String name();

    /** Whether records have line numbers (text formats) or not (binary formats report line 0). */
    boolean hasLines();

    /**
     * The smallest record start {@code p} with {@code from <= p < end} and {@code p > 0},
     * or -1 when there is none.
     *
     * @param base input offset of index 0 of {@code buffer}, for formats whose records start at
     *             fixed input offsets (EVTX chunks); text formats ignore it
     */
    int nextRecordStart(DirectBuffer buffer, long base, int from, int end);

    /** The largest record start {@code p} with {@code start < p < end}, or -1 when there is none. */
    int lastRecordStart(DirectBuffer buffer, long base, int start, int end);

    /**
     * Where the complete records of {@code [start, end)} end: the largest {@code p <= end} such that
     * {@code [start, p)} holds only whole records that bytes appended after {@code end} cannot
     * change, or {@code start} when there is none. Incremental scans stop there and resume there.
     */
    int lastRecordEnd(DirectBuffer buffer, long base, int start, int end);

    /**
     * Reports what is wrong with the input as a whole (a file header, say), before its records are
     * read; {@code [start, end)} of {@code buffer} is the input's beginning.
     */
    default void checkInput(String name, DirectBuffer buffer, int start, int end, long inputLength,
                            ScanProblemHandler problems) {
    }

    /** A reader for one worker, projecting the fields of {@code fields}. */
    RecordReader newReader(FieldTable fields, int maxRecordBytes);
}
