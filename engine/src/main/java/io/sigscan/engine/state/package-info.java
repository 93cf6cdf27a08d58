/**
 * Incremental scans: what earlier scans of a set of inputs read ({@link io.sigscan.engine.state.ScanState}),
 * kept in a state directory that one process at a time may use ({@link io.sigscan.engine.state.StateStore}),
 * and the plan that turns it into the byte ranges still to read
 * ({@link io.sigscan.engine.state.IncrementalPlan}). Files are recognised by identity (device and
 * inode) and a fingerprint of their first bytes, so appended, rotated, truncated and replaced files
 * are each told apart. Runs once per input and run, never per event.
 */
package io.sigscan.engine.state;
