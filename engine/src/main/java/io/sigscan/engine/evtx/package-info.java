/**
 * Native reader of Windows XML Event Log (EVTX) files. Hot path: {@link io.sigscan.engine.evtx.EvtxChunkReader}
 * walks one 64 KiB chunk of a memory-mapped file, parses each record's Binary XML (templates are walked in place
 * in the chunk, so nothing is copied or cached per record) into a reused int-array tree, and exposes it through
 * {@link io.sigscan.engine.evtx.EvtxEventView}, which decodes UTF-16 and typed values to UTF-8 only when a rule
 * asks for them. Damaged input is reported record by record and never stops the reader.
 */
package io.sigscan.engine.evtx;
