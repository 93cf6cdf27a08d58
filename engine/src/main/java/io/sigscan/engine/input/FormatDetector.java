package io.sigscan.engine.input;

import org.agrona.DirectBuffer;

import io.sigscan.engine.json.JsonFormat;
import io.sigscan.engine.record.RecordFormat;
import io.sigscan.engine.text.TextFormat;

/**
 * Recognises an input's format by content, never by file name: a UTF-8 byte order mark is skipped;
 * the first non-blank byte {@code '{'} means JSON (layout per {@link JsonFormat#detect}); EVTX is
 * recognised by its {@code ElfFile} signature; anything else is plain text lines.
 */
public final class FormatDetector {
    public static final String UNSUPPORTED = "unsupported-format";

    private static final byte[] EVTX_SIGNATURE = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};

    private FormatDetector() {
    }

    /**
     * What the input in {@code [start, end)} of {@code buffer} is.
     *
     * @param format    the format, or null when the input is recognised but cannot be read
     * @param dataStart where records begin (past a byte order mark)
     * @param reason    why it cannot be read, when {@code format} is null
     */
    public record Detection(RecordFormat format, int dataStart, String reason) {
    }

    public static Detection detect(DirectBuffer buffer, int start, int end, int maxRecordBytes) {
        if (startsWith(buffer, start, end, EVTX_SIGNATURE)) {
            return new Detection(null, start, "EVTX file (ElfFile signature): no EVTX reader is available");
        }
        int dataStart = start;
        if (end - start >= 3 && (buffer.getByte(start) & 0xFF) == 0xEF && (buffer.getByte(start + 1) & 0xFF) == 0xBB
                && (buffer.getByte(start + 2) & 0xFF) == 0xBF) {
            dataStart = start + 3;
        }
        int p = dataStart;
        while (p < end && isBlank(buffer.getByte(p))) {
            p++;
        }
        if (p < end && buffer.getByte(p) == '{') {
            return new Detection(JsonFormat.detect(buffer, p, end, maxRecordBytes), dataStart, null);
        }
        return new Detection(TextFormat.INSTANCE, dataStart, null);
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean startsWith(DirectBuffer buffer, int start, int end, byte[] signature) {
        if (end - start < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (buffer.getByte(start + i) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
