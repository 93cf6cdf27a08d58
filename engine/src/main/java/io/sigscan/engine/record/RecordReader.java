package io.sigscan.engine.record;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.EventView;

/**
 * Reads the records of one chunk after another through one reused {@link EventView}. One per
 * worker and format; not thread-safe. Bad records are reported to the sink and skipped, never
 * thrown: only records that parsed reach the consumer.
 *
 * <p>Hot path: {@link #read} must not allocate per record in steady state; {@link #renderJson}
 * is called only for matched events.
 */
public interface RecordReader {

    /**
     * Reads every good record of {@code [start, end)} of {@code buffer} (which begins at a record
     * start), handing this reader, positioned on the record, to {@code records}; the accessors
     * below answer for that record until the callback returns. Bad records go to {@code problems}.
     */
    void read(DirectBuffer buffer, int start, int end, RecordProblemSink problems, RecordConsumer records);

    /** The current record. */
    EventView view();

    /** Index in the buffer of the current record's first byte. */
    int recordOffset();

    /** Line breaks between the chunk's start and the current record (0 for the first line). */
    long recordLineIndex();

    /** The format's own record number (EVTX EventRecordID), 0 when it has none. */
    long recordId();

    /** Appends the current record as one line of JSON (UTF-8); call only for matches. */
    void renderJson(RenderedEvents out);

    /** Line breaks in the whole chunk; call after {@link #read} returned. */
    long chunkLineBreaks();
}
