package io.sigscan.engine.json;

import java.util.List;

import org.agrona.DirectBuffer;

import io.sigscan.engine.record.ByteScan;
import io.sigscan.engine.record.RecordFormat;
import io.sigscan.engine.record.RecordReader;
import io.sigscan.rules.event.FieldTable;

/**
 * JSON inputs, in one of two layouts decided per input from its first record:
 * <ul>
 *   <li>{@link #LINES}: one object per line (JSON lines / NDJSON). Records start after any line
 *       break. A broken line is reported and reading resumes at the next line. Chosen when the
 *       first object ends on the line it starts on.</li>
 *   <li>{@link #CONCATENATED}: objects back to back, typically pretty-printed (as
 *       {@code evtx_dump} and the SigmaHQ regression data write them). Records start at a
 *       {@code '{'} in the first column, which is where every pretty-printer puts a top-level
 *       object and never a nested one. After a broken record, reading resumes at the next such
 *       {@code '{'}. Objects back to back on one line are read too, but cannot be split between
 *       chunks.</li>
 * </ul>
 * and with one {@link FieldProfile}, named by the user or detected from the first records.
 */
public final class JsonFormat implements RecordFormat {

    /** Records looked at to detect a profile. */
    static final int PROFILE_PROBE_RECORDS = 16;
    /** Top-level keys that only Winlogbeat / ECS documents have. */
    private static final List<String> ECS_KEYS = List.of("winlog", "ecs");

    public static final JsonFormat LINES = new JsonFormat(true, FieldProfile.SIGMA);
    public static final JsonFormat CONCATENATED = new JsonFormat(false, FieldProfile.SIGMA);
    /** Both layouts for each profile, indexed by {@code 2 * profile index + (lines ? 0 : 1)}. */
    private static final JsonFormat[] FORMATS = formats();

    private final boolean lines;
    private final FieldProfile profile;

    private JsonFormat(boolean lines, FieldProfile profile) {
        this.lines = lines;
        this.profile = profile;
    }

    private static JsonFormat[] formats() {
        JsonFormat[] formats = new JsonFormat[2 * FieldProfile.ALL.size()];
        formats[0] = LINES;
        formats[1] = CONCATENATED;
        for (int i = 1; i < FieldProfile.ALL.size(); i++) {
            formats[2 * i] = new JsonFormat(true, FieldProfile.ALL.get(i));
            formats[2 * i + 1] = new JsonFormat(false, FieldProfile.ALL.get(i));
        }
        return formats;
    }

    /** The format of one layout and profile; the same instance every time. */
    public static JsonFormat of(boolean lines, FieldProfile profile) {
        return FORMATS[2 * profile.index() + (lines ? 0 : 1)];
    }

    /**
     * The layout of the JSON input whose first record starts at {@code start} (a {@code '{'}):
     * lines when that object is valid and ends on its first line, else concatenated; with
     * {@code profile}, or when that is null the profile its first records have (see
     * {@link #detectProfile}).
     */
    public static JsonFormat detect(DirectBuffer buffer, int start, int end, int maxRecordBytes,
                                    FieldProfile profile) {
        int lineEnd = ByteScan.indexOfNewline(buffer, start, (int) Math.min(end, (long) start + maxRecordBytes));
        if (lineEnd < 0) {
            lineEnd = end;
        }
        JsonEventView probe = new JsonEventView(FieldTable.builder().build());
        boolean lines = probe.wrap(buffer, start, lineEnd) >= 0;
        return of(lines, profile != null ? profile
                : detectProfile(buffer, start, (int) Math.min(end, (long) start + maxRecordBytes)));
    }

    /**
     * {@link FieldProfile#ECS} when any of the first {@value #PROFILE_PROBE_RECORDS} objects from
     * {@code start} has a top-level {@code winlog} or {@code ecs} key, else {@link FieldProfile#SIGMA}.
     * Objects are read back to back whatever the layout; a broken one ends the probe.
     */
    static FieldProfile detectProfile(DirectBuffer buffer, int start, int end) {
        FieldTable.Builder keys = FieldTable.builder();
        ECS_KEYS.forEach(keys::add);
        JsonEventView probe = new JsonEventView(keys.build());
        int p = start;
        for (int record = 0; record < PROFILE_PROBE_RECORDS; record++) {
            while (p < end && JsonEventView.isWhitespace(buffer.getByte(p))) {
                p++;
            }
            if (p >= end || buffer.getByte(p) != '{') {
                break;
            }
            p = probe.wrap(buffer, p, end);
            if (p < 0) {
                break;
            }
            for (int slot = 1; slot <= ECS_KEYS.size(); slot++) {
                if (probe.valueCount(slot) > 0) {
                    return FieldProfile.ECS;
                }
            }
        }
        return FieldProfile.SIGMA;
    }

    /** The profile its records are read with. */
    public FieldProfile profile() {
        return profile;
    }

    @Override
    public String name() {
        return (lines ? "json-lines" : "json-concatenated") + (profile == FieldProfile.SIGMA ? "" : " (" + profile + ")");
    }

    @Override
    public boolean hasLines() {
        return true;
    }

    @Override
    public int nextRecordStart(DirectBuffer buffer, long base, int from, int end) {
        return nextRecordStart(buffer, from, end);
    }

    /** Record starts depend only on the bytes around them, never on their position in the input. */
    int nextRecordStart(DirectBuffer buffer, int from, int end) {
        int p = ByteScan.nextLineStart(buffer, from, end);
        if (!lines) {
            while (p >= 0 && buffer.getByte(p) != '{') {
                p = ByteScan.nextLineStart(buffer, p + 1, end);
            }
        }
        return p;
    }

    @Override
    public int lastRecordStart(DirectBuffer buffer, long base, int start, int end) {
        int p = ByteScan.lastLineStart(buffer, start, end);
        if (!lines) {
            while (p >= 0 && buffer.getByte(p) != '{') {
                p = ByteScan.lastLineStart(buffer, start, p);
            }
        }
        return p;
    }

    /**
     * JSON lines: after the last line break. Concatenated objects: after the last line that starts
     * with {@code '}'}, which is where pretty-printers close a top-level object.
     */
    @Override
    public int lastRecordEnd(DirectBuffer buffer, long base, int start, int end) {
        int newline = ByteScan.lastIndexOfNewline(buffer, start, end);
        if (!lines) {
            while (newline >= 0) {
                int previous = ByteScan.lastIndexOfNewline(buffer, start, newline);
                int lineStart = previous < 0 ? start : previous + 1;
                if (buffer.getByte(lineStart) == '}') {
                    break;
                }
                newline = previous;
            }
        }
        return newline < 0 ? start : newline + 1;
    }

    @Override
    public RecordReader newReader(FieldTable fields, int maxRecordBytes) {
        return new JsonRecordReader(this, new JsonEventView(fields, profile), maxRecordBytes);
    }

    boolean lines() {
        return lines;
    }

    @Override
    public String toString() {
        return name();
    }
}
