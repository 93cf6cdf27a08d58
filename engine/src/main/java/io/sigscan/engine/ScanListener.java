package io.sigscan.engine;

/**
 * Follows a scan's progress, on the same thread as the match and problem handlers and in the same
 * order: a call about an input comes after every match and problem of the part of it reported.
 */
public interface ScanListener {

    /** Does nothing. */
    ScanListener NONE = new ScanListener() {
    };

    /** A chunk of {@code bytes} bytes holding {@code events} events has been reported. */
    default void onProgress(long bytes, long events) {
    }

    /**
     * Every match and problem of {@code input} has been reported; reading stopped at byte
     * {@code end}, after {@code lineBreaks} line breaks counted from the file's beginning. Not
     * called for an input that could not be opened or failed while being mapped.
     */
    default void onInputEnd(ScanInput input, long end, long lineBreaks) {
    }
}
