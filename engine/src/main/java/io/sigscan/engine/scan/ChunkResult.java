package io.sigscan.engine.scan;

import java.util.ArrayList;
import java.util.List;

import io.sigscan.engine.record.RecordProblemSink;
import io.sigscan.engine.record.RenderedEvents;
import io.sigscan.rules.compile.CompiledRule;

/** The matches and problems of one chunk in record order, with its counts. */
final class ChunkResult implements RecordProblemSink {
    /** Input offset of index 0 of the chunk's buffer. */
    private final long base;
    /** Length of the chunk. */
    final int bytes;
    final List<ChunkOutput> outputs = new ArrayList<>();
    /** The matched events, rendered; null while the chunk has no match. */
    RenderedEvents rendered;
    long events;
    long lineBreaks;

    ChunkResult(long base, int bytes) {
        this.base = base;
        this.bytes = bytes;
    }

    void match(CompiledRule rule, int offset, long lineIndex, long recordId, int eventStart, int eventLength) {
        outputs.add(new ChunkOutput.FoundMatch(rule, base + offset, lineIndex, recordId, eventStart, eventLength));
    }

    @Override
    public void onRecordProblem(int offset, long lineIndex, String kind, String message) {
        outputs.add(new ChunkOutput.FoundProblem(base + offset, lineIndex, kind, message));
    }
}
