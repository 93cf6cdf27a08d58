package io.sigscan.cli.output;

import static io.sigscan.cli.output.JsonText.appendString;

import java.time.Instant;
import java.util.Locale;

import io.sigscan.engine.correlate.CorrelationAlert;
import io.sigscan.engine.correlate.EventRef;

/**
 * The {@code "correlation"} object of an alert, keys in this order:
 * {@code {"type","timespan","group":{field:value...},"window":{"start","end"},"value","eventCount",
 * "events":[{"file","offset"}...]}}. Times are ISO 8601 UTC instants; a group value the events did not
 * have is JSON null; {@code value} is an integer when it is one; {@code events} lists at most the
 * configured number of contributing events, {@code eventCount} counts them all.
 */
final class CorrelationJson {

    private CorrelationJson() {
    }

    static StringBuilder append(StringBuilder json, CorrelationAlert alert) {
        json.append("{\"type\":");
        appendString(json, alert.rule().type().yamlName());
        appendString(json.append(",\"timespan\":"), alert.rule().timespanText());
        json.append(",\"group\":{");
        for (int i = 0; i < alert.groupFields().size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            appendString(json, alert.groupFields().get(i)).append(':');
            String value = alert.groupValues().get(i);
            if (value == null) {
                json.append("null");
            } else {
                appendString(json, value);
            }
        }
        json.append("},\"window\":{\"start\":");
        appendString(json, Instant.ofEpochMilli(alert.windowStart()).toString());
        appendString(json.append(",\"end\":"), Instant.ofEpochMilli(alert.windowEnd()).toString());
        json.append("},\"value\":").append(number(alert.value()));
        json.append(",\"eventCount\":").append(alert.eventCount()).append(",\"events\":[");
        for (int i = 0; i < alert.events().size(); i++) {
            EventRef event = alert.events().get(i);
            appendString(json.append(i > 0 ? ",{\"file\":" : "{\"file\":"), event.file());
            json.append(",\"offset\":").append(event.offset()).append('}');
        }
        return json.append("]}");
    }

    /** A one-line summary for people: {@code event_count User=bob: 12 in 5m}. */
    static String summary(CorrelationAlert alert) {
        StringBuilder text = new StringBuilder(alert.rule().type().yamlName());
        for (int i = 0; i < alert.groupFields().size(); i++) {
            text.append(' ').append(alert.groupFields().get(i)).append('=').append(alert.groupValues().get(i));
        }
        return text.append(": ").append(number(alert.value())).append(" in ").append(alert.rule().timespanText())
                .append(", ").append(alert.eventCount()).append(alert.eventCount() == 1 ? " event" : " events")
                .toString();
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.6g", value).replaceFirst("\\.?0+(e|$)", "$1");
    }

    /** The latest contributing event listed, which completed the alert; null when none is listed. */
    static EventRef last(CorrelationAlert alert) {
        return alert.events().isEmpty() ? null : alert.events().get(alert.events().size() - 1);
    }
}
