package io.sigscan.engine.record;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.EventView;

/**
 * Reads the records of one chunk after another through one reused {@link EventView}. One per
 * worker and format; not thread-safe. Bad records are reported to the sink and skipped, never
 * thrown: {@link #next()} only returns records that parsed.
 *
 * <p>Hot path: {@link #next()} must not allocate in steady state; {@link #renderJson()} is called
 * only for matched events and may.
 */
public interface RecordReader {

    /** Starts on the records of {@code [start, end)} of {@code buffer}, which begins at a record start. */
    void reset(DirectBuffer buffer, int start, int end, RecordProblemSink problems);

    /** Moves to the next good record; false when the chunk is exhausted. */
    boolean next();

    /** The current record; valid until the next call to {@link #next()}. */
    EventView view();

    /** Index in the buffer of the current record's first byte. */
    int recordOffset();

    /** Line breaks between the chunk's start and the current record (0 for the first line). */
    long recordLineIndex();

    /** The format's own record number (EVTX EventRecordID), 0 when it has none. */
    long recordId();

    /** The current record as one line of JSON. Allocates; call only for matches. */
    String renderJson();

    /** Line breaks in the whole chunk; call after {@link #next()} returned false. */
    long chunkLineBreaks();
}
