package io.sigscan.engine.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sigscan.engine.json.MatchFields;
import io.sigscan.rules.event.FieldTable;

/** Which field gives an event's time, and how its text is read. */
class EventTimeTest {
    private static final long NOON = millis("2024-05-01T12:00:00Z");
    private static final EventTime DEFAULTS = new EventTime(EventTime.DEFAULT_FIELDS);

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static long of(String eventJson) {
        return DEFAULTS.of(eventJson);
    }

    @Test
    void theFirstDefaultFieldPresentWinsWhereverItStandsInTheEvent() {
        List<String> fields = EventTime.DEFAULT_FIELDS;
        for (int first = 0; first < fields.size(); first++) {
            StringBuilder json = new StringBuilder("{");
            for (int i = fields.size() - 1; i >= first; i--) {
                json.append('"').append(fields.get(i)).append("\":\"2024-05-01T12:00:").append(String.format("%02d", i))
                        .append("Z\"").append(i > first ? "," : "}");
            }
            assertEquals(NOON + first * 1000L, of(json.toString()), json.toString());
        }
    }

    @Test
    void evtxShapesGiveTheSystemTimeOfTimeCreated() {
        String evtx = "{\"Event\":{\"System\":{\"EventID\":1,\"TimeCreated\":{\"#attributes\":{\"SystemTime\":"
                + "\"2024-05-01T12:00:00.000000Z\"}}},\"EventData\":{\"UtcTime\":\"2020-01-01 00:00:00.000\"}}}";
        assertEquals(NOON, of(evtx), "TimeCreated wins over Sysmon's UtcTime, which is years apart");
        assertEquals(NOON, of("{\"System\":{\"TimeCreated\":{\"#attributes\":{\"SystemTime\":"
                + "\"2024-05-01T12:00:00.000000Z\"}}}}"), "flattened without an Event root too");
        assertEquals(NOON, of("{\"Event\":{\"System\":{\"TimeCreated\":{\"SystemTime\":\"2024-05-01T12:00:00Z\"}}}}"),
                "the attribute written as a child");
        assertEquals(NOON, of("{\"Event\":{\"System\":{\"TimeCreated_attributes\":{\"SystemTime\":"
                + "\"2024-05-01T12:00:00.0000000Z\"}}}}"), "python-evtx");
        assertEquals(NOON, of("{\"TimeCreated_SystemTime\":\"2024-05-01T12:00:00Z\"}"), "flattened export");
        assertEquals(NOON, of("{\"TimeCreated\":\"2024-05-01T12:00:00Z\"}"), "a plain TimeCreated");
    }

    @Test
    void timeFieldsOfCommonExports() {
        assertEquals(NOON, of("{\"@timestamp\":\"2024-05-01T14:00:00+02:00\"}"));
        assertEquals(NOON, of("{\"timestamp\":1714564800}"));
        assertEquals(NOON, of("{\"UtcTime\":\"2024-05-01 12:00:00.000\"}"));
        assertEquals(NOON, of("{\"EventTime\":\"2024-05-01 12:00:00\"}"));
        assertEquals(NOON, of("{\"UtcTime\":\"2024-05-01 14:00:00.000\",\"@timestamp\":\"2024-05-01T12:00:00Z\"}"),
                "@timestamp, which every event of an export carries, wins over Sysmon's UtcTime");
    }

    @Test
    void valuesThatAreNoTimeAndTextThatOnlyLooksLikeAFieldArePassedOver() {
        assertEquals(NOON, of("{\"UtcTime\":\"soon\",\"EventTime\":\"2024-05-01 12:00\"}"));
        assertEquals(NOON, of("{\"TimeCreated\":{\"Note\":\"an object\"},\"@timestamp\":\"2024-05-01T12:00:00Z\"}"));
        assertEquals(EventTime.NONE, of("{\"CommandLine\":\"echo \\\"UtcTime\\\":\\\"2024-05-01 12:00:00\\\"\"}"));
        assertEquals(EventTime.NONE, of("{\"Image\":\"cmd.exe\"}"));
        assertEquals(EventTime.NONE, of("{\"UtcTime\":\"2024-05-01\"}"), "a date alone places no event");
        assertEquals(EventTime.NONE, of("not json"));
    }

    @Test
    void givenFieldsReplaceTheDefaults() {
        EventTime when = new EventTime(List.of("when", "alsoWhen"));
        assertEquals(NOON, when.of("{\"@timestamp\":\"2020-01-01T00:00:00Z\",\"when\":1714564800}"));
        assertEquals(NOON, when.of("{\"when\":\"x\",\"alsoWhen\":\"2024-05-01T12:00:00Z\"}"));
        assertEquals(EventTime.NONE, when.of("{\"@timestamp\":\"2024-05-01T12:00:00Z\"}"));
        assertEquals(List.of("when", "alsoWhen"), when.fields());
    }

    @Test
    void aReaderOfOtherFieldsReadsTheTimeFromItsOwnParse() {
        List<String> fields = List.of("when", "@timestamp");
        FieldTable.Builder table = EventTime.newTable(fields);
        int host = table.add("Host");
        MatchFields event = new MatchFields(table.build());
        assertTrue(event.read("{\"Host\":\"h1\",\"@timestamp\":\"2024-05-01T12:00:00Z\"}"));
        assertEquals("h1", event.text(host));
        assertEquals(NOON, new EventTime(fields).of(event));
    }

    @Test
    void isoTimesWithAndWithoutZones() {
        assertEquals(millis("2025-11-27T07:40:10.165Z"), EventTime.parse("2025-11-27T07:40:10.165324Z"));
        assertEquals(millis("2025-11-27T07:40:10.132Z"), EventTime.parse("2025-11-27 07:40:10.132"));
        assertEquals(millis("2025-11-27T05:40:10Z"), EventTime.parse("2025-11-27T07:40:10+02:00"));
        assertEquals(millis("2025-11-27T09:10:10Z"), EventTime.parse("2025-11-27T07:40:10-0130"));
        assertEquals(millis("2025-11-27T06:40:10Z"), EventTime.parse("2025-11-27 07:40:10 +01"));
        assertEquals(millis("2025-11-27T07:40:10.100Z"), EventTime.parse("2025-11-27T07:40:10,1z"));
        assertEquals(millis("2025-11-27T07:40:00Z"), EventTime.parse(" 2025-11-27T07:40 "));
    }

    @Test
    void epochSecondsAndMilliseconds() {
        assertEquals(1_700_000_000_000L, EventTime.parse("1700000000"));
        assertEquals(1_700_000_000_500L, EventTime.parse("1700000000.5"));
        assertEquals(1_700_000_000_123L, EventTime.parse("1700000000123"));
    }

    @Test
    void textThatIsNoTime() {
        for (String text : List.of("", "yesterday", "2025-13-01T00:00:00Z", "2025-11-27T24:00:00Z",
                "2025-11-27T07:40:10+25:00", "2025-11-27", "12:00:00", "-5", "May 1st")) {
            assertEquals(EventTime.NONE, EventTime.parse(text), text);
        }
    }

    @Test
    void windowBoundsAreTimesOrDatesAloneAtMidnightUtc() {
        assertEquals(millis("2024-05-01T00:00:00Z"), EventTime.parseBound("2024-05-01"));
        assertEquals(NOON, EventTime.parseBound("2024-05-01T12:00"));
        assertEquals(NOON, EventTime.parseBound("2024-05-01 13:00:00+01:00"));
        assertEquals(EventTime.NONE, EventTime.parseBound("May 1st"));
        assertEquals(EventTime.NONE, EventTime.parseBound("2024-02-30"));
    }
}
