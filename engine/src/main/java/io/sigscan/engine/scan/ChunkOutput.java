package io.sigscan.engine.scan;

import io.sigscan.rules.compile.CompiledRule;

/**
 * What a worker found in a chunk, kept until the chunk's turn to be emitted. Line indexes are
 * relative to the chunk's start; the emitter makes them absolute.
 */
sealed interface ChunkOutput {

    /** A rule hit; the event is {@code [eventStart, eventStart + eventLength)} of the chunk's {@link ChunkResult#rendered}. */
    record FoundMatch(CompiledRule rule, long offset, long lineIndex, long recordId, int eventStart, int eventLength)
            implements ChunkOutput {
    }

    record FoundProblem(long offset, long lineIndex, String kind, String message) implements ChunkOutput {
    }
}
