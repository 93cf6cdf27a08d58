package io.sigscan.engine.evtx;

/** Receives each readable record of a chunk, in file order, through a view valid until the callback returns. */
@FunctionalInterface
public interface EvtxRecordHandler {
    void onRecord(EvtxEventView record);
}
