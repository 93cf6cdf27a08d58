package io.sigscan.engine.input;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.sigscan.engine.ScanProblemHandler;
import io.sigscan.engine.evtx.EvtxFile;
import io.sigscan.engine.record.RecordFormat;
import io.sigscan.engine.record.RecordReader;
import io.sigscan.rules.event.FieldTable;

/**
 * EVTX files as a record format: records start at the file's 64 KiB chunks, which follow its 4 KiB
 * header block and are self-contained (each has its own string and template tables), so any chunk
 * can be read by any worker. Records have no line numbers; matches carry the EventRecordID.
 */
public final class EvtxFormat implements RecordFormat {

    /** An EVTX file: a header block, then chunks. */
    public static final EvtxFormat INSTANCE = new EvtxFormat(EvtxFile.HEADER_BLOCK_SIZE);
    /** Chunks without their file header, as carving tools write them. */
    public static final EvtxFormat CHUNKS_ONLY = new EvtxFormat(0);

    private static final long CHUNK = EvtxFile.CHUNK_SIZE;

    /** Where the first chunk starts. */
    private final long header;

    private EvtxFormat(long header) {
        this.header = header;
    }

    @Override
    public String name() {
        return "evtx";
    }

    @Override
    public boolean hasLines() {
        return false;
    }

    @Override
    public int nextRecordStart(DirectBuffer buffer, long base, int from, int end) {
        long position = base + from;
        long chunk = position <= header ? header : header + (position - header + CHUNK - 1) / CHUNK * CHUNK;
        long start = chunk - base;
        return start > 0 && start < end ? (int) start : -1;
    }

    @Override
    public int lastRecordStart(DirectBuffer buffer, long base, int start, int end) {
        long last = base + end - 1;
        if (last < header) {
            return -1;
        }
        long chunk = header + (last - header) / CHUNK * CHUNK;
        long at = chunk - base;
        return at > start && at < end ? (int) at : -1;
    }

    /** After the last whole chunk: chunks are 64 KiB long and are read whole. */
    @Override
    public int lastRecordEnd(DirectBuffer buffer, long base, int start, int end) {
        long last = base + end;
        if (last < header) {
            return start;
        }
        long chunkEnd = header + (last - header) / CHUNK * CHUNK - base;
        return (int) Math.max(start, chunkEnd);
    }

    /** Reports what is wrong with the file header (signature, checksum, version, chunk count); chunks alone have none. */
    @Override
    public void checkInput(String name, DirectBuffer buffer, int start, int end, long inputLength,
                           ScanProblemHandler problems) {
        if (header > 0) {
            EvtxFile.checkHeader(name, new UnsafeBuffer(buffer, start, end - start), inputLength, problems);
        }
    }

    @Override
    public RecordReader newReader(FieldTable fields, int maxRecordBytes) {
        return new EvtxRecordReader(fields);
    }

    @Override
    public String toString() {
        return header > 0 ? name() : name() + " chunks";
    }
}
