package io.sigscan.engine;

/**
 * Something in the input the scan could not read, and went on past: a broken record, an
 * unreadable file, a torn chunk.
 *
 * @param file    the input, as given
 * @param offset  byte offset where the problem starts, or -1 when it concerns the whole file
 * @param line    1-based line for text inputs, 0 when unknown or binary
 * @param kind    a stable short name, e.g. {@code bad-json}, {@code unreadable}, {@code too-long}
 * @param message what is wrong, quoting the offending text where that helps
 */
public record ScanProblem(String file, long offset, long line, String kind, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        if (offset >= 0) {
            text.append(" (byte ").append(offset).append(')');
        }
        return text.append(": ").append(kind).append(": ").append(message).toString();
    }
}
