/**
 * JSON inputs: JSON lines and concatenated (pretty-printed) objects, read zero-copy.
 * {@link io.sigscan.engine.json.JsonEventView} walks a record's bytes once, projecting only the
 * fields the rules reference, with Windows event flattening. Hot path: nothing here allocates per
 * event in steady state; escapes are decoded lazily into per-view scratch.
 */
package io.sigscan.engine.json;
