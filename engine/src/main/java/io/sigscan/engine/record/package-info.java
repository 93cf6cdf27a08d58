/**
 * The seam between the scan and the input formats: a {@link io.sigscan.engine.record.RecordFormat}
 * says where records may start (so inputs can be cut into windows and chunks without splitting a
 * record) and makes per-worker {@link io.sigscan.engine.record.RecordReader}s that turn one chunk
 * into a sequence of event views. JSON, plain text and EVTX each implement it; the scan knows none
 * of them. Hot path: readers and {@link io.sigscan.engine.record.ByteScan} run per byte.
 */
package io.sigscan.engine.record;
