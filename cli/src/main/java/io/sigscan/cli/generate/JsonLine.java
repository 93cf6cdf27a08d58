package io.sigscan.cli.generate;

import static io.sigscan.cli.output.JsonText.appendString;

/** One event being written as a line of JSON, field by field, into a reused buffer. */
final class JsonLine {
    private final StringBuilder line = new StringBuilder(1536);
    private boolean firstField;

    /** Forgets the previous line. */
    void clear() {
        line.setLength(0);
    }

    void open() {
        line.append('{');
        firstField = true;
    }

    void close() {
        line.append('}');
        firstField = false;
    }

    void key(String name) {
        if (!firstField) {
            line.append(',');
        }
        firstField = false;
        appendString(line, name).append(':');
    }

    void field(String name, String value) {
        key(name);
        appendString(line, value);
    }

    void number(String name, long value) {
        key(name);
        line.append(value);
    }

    /**
     * The flat (NXLog-style) header every Windows event of a sample starts with; the caller opens
     * the object first and adds the event's own fields after.
     */
    void windowsHeader(String eventTime, String computer, int eventId, Provider provider, String channel,
                       long recordNumber, String category) {
        field("EventTime", eventTime);
        field("Computer", computer);
        number("EventID", eventId);
        field("SourceName", provider.name());
        field("ProviderGuid", provider.guid());
        field("Channel", channel);
        number("RecordNumber", recordNumber);
        field("Category", category);
    }

    String text() {
        return line.toString();
    }
}
