package io.sigscan.engine.json;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;

import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.event.ValueKind;

/**
 * Reads named fields from a match's rendered event ({@link io.sigscan.engine.Match#eventJson()}).
 * Going through {@link JsonEventView} gives them the names rules use, Windows flattening included,
 * whatever the input format was. Not on the hot path: it sees matches only, and allocates per
 * match. Single-threaded, like the match stream.
 */
public final class MatchFields {
    private final JsonEventView view;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);

    public MatchFields(FieldTable fields) {
        this.view = new JsonEventView(fields);
    }

    /** Makes {@code eventJson} current; false when it is not a JSON object (nothing can be read). */
    public boolean read(String eventJson) {
        byte[] bytes = eventJson.getBytes(StandardCharsets.UTF_8);
        buffer.wrap(bytes);
        return view.wrap(buffer, 0, bytes.length) >= 0;
    }

    /** The first value of the field in {@code slot} as text, or null when absent, null or a structure. */
    public String text(int slot) {
        if (view.valueCount(slot) == 0) {
            return null;
        }
        int kind = view.valueKind(slot, 0);
        if (kind == ValueKind.NULL || kind == ValueKind.STRUCTURE) {
            return null;
        }
        return view.valueBuffer(slot, 0).getStringWithoutLengthUtf8(view.valueOffset(slot, 0), view.valueLength(slot, 0));
    }
}
