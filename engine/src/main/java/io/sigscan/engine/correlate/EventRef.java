package io.sigscan.engine.correlate;

/** Where a contributing event is: the input as named in matches, and the record's byte offset. */
public record EventRef(String file, long offset) {
}
