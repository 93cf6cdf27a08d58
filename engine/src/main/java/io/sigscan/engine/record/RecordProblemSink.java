package io.sigscan.engine.record;

/** Receives the records a reader skipped, in chunk order. */
@FunctionalInterface
public interface RecordProblemSink {

    /** The kind of problem for a record longer than the maximum record size, in every format. */
    String TOO_LONG = "too-long";

    /**
     * @param offset    index in the chunk's buffer of the record's first byte
     * @param lineIndex line breaks between the chunk's start and that byte
     * @param kind      a stable short name such as {@code bad-json} or {@code too-long}
     * @param message   what is wrong, quoting the start of the record
     */
    void onRecordProblem(int offset, long lineIndex, String kind, String message);
}
