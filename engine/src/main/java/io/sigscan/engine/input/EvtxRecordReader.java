package io.sigscan.engine.input;

import org.agrona.DirectBuffer;

import io.sigscan.engine.ScanProblem;
import io.sigscan.engine.ScanProblemHandler;
import io.sigscan.engine.evtx.EvtxChunkReader;
import io.sigscan.engine.evtx.EvtxEventView;
import io.sigscan.engine.evtx.EvtxRecordHandler;
import io.sigscan.engine.record.RecordConsumer;
import io.sigscan.engine.record.RecordProblemSink;
import io.sigscan.engine.record.RecordReader;
import io.sigscan.engine.record.RenderedEvents;
import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;

/**
 * Adapts the EVTX chunk reader to the scan: reads the 64 KiB chunks of a range one after another
 * and hands each record on while the chunk reader holds it. Offsets are buffer indices (the chunk
 * reader is told the buffer starts at 0); the scan adds the window's input offset.
 */
final class EvtxRecordReader implements RecordReader, EvtxRecordHandler, ScanProblemHandler {
    private final EvtxChunkReader chunks;
    private EvtxEventView current;
    private RecordConsumer records;
    private RecordProblemSink problems;

    EvtxRecordReader(FieldTable fields) {
        this.chunks = new EvtxChunkReader(fields);
    }

    @Override
    public void read(DirectBuffer buffer, int start, int end, RecordProblemSink problemSink, RecordConsumer consumer) {
        this.problems = problemSink;
        this.records = consumer;
        chunks.readChunks("", buffer, start, end, 0, this, this);
    }

    @Override
    public void onRecord(EvtxEventView record) {
        current = record;
        records.onRecord(this);
    }

    @Override
    public void onProblem(ScanProblem problem) {
        problems.onRecordProblem((int) problem.offset(), 0, problem.kind(), problem.message());
    }

    @Override
    public EventView view() {
        return current;
    }

    @Override
    public int recordOffset() {
        return (int) current.fileOffset();
    }

    @Override
    public long recordLineIndex() {
        return 0;
    }

    @Override
    public long recordId() {
        return current.recordId();
    }

    @Override
    public void renderJson(RenderedEvents out) {
        current.appendJson(out);
    }

    @Override
    public long chunkLineBreaks() {
        return 0;
    }
}
