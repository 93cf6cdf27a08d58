package io.sigscan.engine.input;

import org.agrona.DirectBuffer;

import io.sigscan.engine.evtx.EvtxFile;
import io.sigscan.engine.json.FieldProfile;
import io.sigscan.engine.json.JsonFormat;
import io.sigscan.engine.record.ByteScan;
import io.sigscan.engine.record.RecordFormat;
import io.sigscan.engine.text.TextFormat;

/**
 * Recognises an input's format by content, never by file name: a UTF-8 byte order mark is skipped;
 * the first non-blank byte {@code '{'} means JSON (layout per {@link JsonFormat#detect}); EVTX is
 * recognised by its {@code ElfFile} signature, or when that is damaged by the signature of its first
 * chunk, and EVTX chunks without a file header (carved ones) by a chunk signature at the start; lines that mostly start with {@code '{'} after a first line that does not (a header) are
 * JSON lines too; anything else is plain text lines.
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
        if (EvtxFile.looksLikeEvtx(buffer, start, end - start) || EvtxFile.hasFirstChunk(buffer, start, end - start)) {
            return new Detection(EvtxFormat.INSTANCE, start + Math.min(EvtxFile.HEADER_BLOCK_SIZE, end - start));
        }
        if (EvtxFile.startsWithChunk(buffer, start, end - start)) {
            return new Detection(EvtxFormat.CHUNKS_ONLY, start);
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
        final int firstObject = mostlyJsonLines(buffer, p, end);
        if (firstObject >= 0) {
            // JSON lines after a header or a few broken lines: read as JSON, so that those lines are
            // reported as bad records rather than every event searched as a line of text.
            return new Detection(JsonFormat.detect(buffer, firstObject, end, maxRecordBytes, profile), dataStart);
        }
        return new Detection(TextFormat.INSTANCE, dataStart);
    }

    /** Lines looked at to tell JSON lines that do not start the input from text. */
    private static final int SAMPLED_LINES = 1000;

    /**
     * Where the first line starting with {@code '{'} begins, when more than half of the first
     * {@value #SAMPLED_LINES} non-blank lines from {@code p} do; -1 otherwise.
     */
    private static int mostlyJsonLines(DirectBuffer buffer, int p, int end) {
        int lines = 0;
        int objects = 0;
        int firstObject = -1;
        while (p < end && lines < SAMPLED_LINES) {
            while (p < end && isBlank(buffer.getByte(p))) {
                p++;
            }
            if (p >= end) {
                break;
            }
            lines++;
            if (buffer.getByte(p) == '{') {
                objects++;
                if (firstObject < 0) {
                    firstObject = p;
                }
            }
            final int newline = ByteScan.indexOfNewline(buffer, p, end);
            p = newline < 0 ? end : newline + 1;
        }
        return objects * 2 > lines ? firstObject : -1;
    }

    /** The kind of problem reported for an input in an encoding sigscan does not read. */
    public static final String UNSUPPORTED_ENCODING = "unsupported-encoding";

    /** Whether the input starts with a UTF-16 byte order mark (FF FE or FE FF). */
    public static boolean isUtf16(DirectBuffer buffer, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        final int first = buffer.getByte(start) & 0xFF;
        final int second = buffer.getByte(start + 1) & 0xFF;
        return (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF);
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
