package io.sigscan.engine.correlate;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;

import io.sigscan.engine.json.JsonEventView;
import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.event.ValueKind;

/**
 * Reads the fields correlations need (group-by, aggregated fields, event time) from a match's
 * rendered event. Going through {@link JsonEventView} gives them the names rules use, Windows
 * flattening included, whatever the input format was. One per match stream, single-threaded.
 */
final class MatchFields {
    private final JsonEventView view;
    private final int[] timeSlots;

    MatchFields(FieldTable fields, int[] timeSlots) {
        this.view = new JsonEventView(fields);
        this.timeSlots = timeSlots.clone();
    }

    /** Makes {@code eventJson} current; false when it is not a JSON object (nothing can be read). */
    boolean read(String eventJson) {
        byte[] bytes = eventJson.getBytes(StandardCharsets.UTF_8);
        return view.wrap(new UnsafeBuffer(bytes), 0, bytes.length) >= 0;
    }

    /** The first value of the field in {@code slot} as text, or null when absent, null or a structure. */
    String text(int slot) {
        if (view.valueCount(slot) == 0) {
            return null;
        }
        int kind = view.valueKind(slot, 0);
        if (kind == ValueKind.NULL || kind == ValueKind.STRUCTURE) {
            return null;
        }
        return view.valueBuffer(slot, 0).getStringWithoutLengthUtf8(view.valueOffset(slot, 0), view.valueLength(slot, 0));
    }

    /** The event time from the first time field that is present and parses, or {@link EventTimeParser#NO_TIME}. */
    long time() {
        for (int slot : timeSlots) {
            String text = text(slot);
            if (text != null) {
                long time = EventTimeParser.parse(text);
                if (time != EventTimeParser.NO_TIME) {
                    return time;
                }
            }
        }
        return EventTimeParser.NO_TIME;
    }
}
