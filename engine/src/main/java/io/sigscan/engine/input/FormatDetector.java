package io.sigscan.engine.input;

import org.agrona.DirectBuffer;

import io.sigscan.engine.evtx.EvtxFile;
import io.sigscan.engine.json.FieldProfile;
import io.sigscan.engine.json.JsonFormat;
import io.sigscan.engine.record.RecordFormat;
import io.sigscan.engine.text.TextFormat;

/**
 * Recognises an input's format by content, never by file name: a UTF-8 byte order mark is skipped;
 * the first non-blank byte {@code '{'} means JSON (layout per {@link JsonFormat#detect}); EVTX is
 * recognised by its {@code ElfFile} signature; anything else is plain text lines.
 */
public final class FormatDetector {
    private FormatDetector() {
    }

    /**
     * What the input in {@code [start, end)} of {@code buffer} is.
     *
     * @param format    how to read it
     * @param dataStart where records begin (past a byte order mark or an EVTX file header)
     */
    public record Detection(RecordFormat format, int dataStart) {
    }

    /**
     * What the input in {@code [start, end)} of {@code buffer} is; JSON is read with {@code profile},
     * or when that is null with the profile detected from its first records.
     */
    public static Detection detect(DirectBuffer buffer, int start, int end, int maxRecordBytes, FieldProfile profile) {
        if (EvtxFile.looksLikeEvtx(buffer, start, end - start)) {
            return new Detection(EvtxFormat.INSTANCE, start + Math.min(EvtxFile.HEADER_BLOCK_SIZE, end - start));
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
            return new Detection(JsonFormat.detect(buffer, p, end, maxRecordBytes, profile), dataStart);
        }
        return new Detection(TextFormat.INSTANCE, dataStart);
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
