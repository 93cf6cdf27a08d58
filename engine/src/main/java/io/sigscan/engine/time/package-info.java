/**
 * When an event happened: {@link io.sigscan.engine.time.EventTime} reads it from a match's rendered
 * event, with one field order and one parser for correlation windows, the {@code hunt --from/--to}
 * window and the run report alike. Sees matches only, never the per-event hot path.
 */
package io.sigscan.engine.time;
