package io.sigscan.engine.record;

/** Receives each good record of a chunk, in order, through the reader positioned on it. */
@FunctionalInterface
public interface RecordConsumer {
    void onRecord(RecordReader reader);
}
