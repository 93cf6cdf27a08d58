package io.sigscan.cli.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class EventTimeTest {
    private static final Instant NOON = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void readsTheTimeFieldsOfCommonExportsInOrderOfPreference() {
        assertEquals(NOON, EventTime.of("{\"UtcTime\":\"2024-05-01 12:00:00.000\",\"@timestamp\":\"2020-01-01T00:00:00Z\"}"));
        assertEquals(NOON, EventTime.of("{\"@timestamp\":\"2024-05-01T14:00:00+02:00\"}"));
        assertEquals(NOON, EventTime.of("{\"EventTime\":\"2024-05-01 12:00:00\"}"));
        assertEquals(NOON, EventTime.of("{\"Event\":{\"System\":{\"TimeCreated_attributes\":{\"SystemTime\":"
                + "\"2024-05-01T12:00:00.0000000Z\"}}}}"));
        assertEquals(NOON, EventTime.of("{\"System\":{\"TimeCreated\":{\"#attributes\":{\"SystemTime\":"
                + "\"2024-05-01T12:00:00.000000Z\"}}}}"));
        assertEquals(NOON, EventTime.of("{\"TimeCreated\":\"2024-05-01T12:00:00Z\"}"));
        assertEquals(NOON, EventTime.of("{\"TimeCreated_SystemTime\":\"2024-05-01T12:00:00Z\"}"));
    }

    @Test
    void skipsValuesThatAreNotTimesAndTextThatOnlyLooksLikeAField() {
        assertEquals(NOON, EventTime.of("{\"UtcTime\":\"soon\",\"EventTime\":\"2024-05-01 12:00\"}"));
        assertNull(EventTime.of("{\"CommandLine\":\"echo \\\"UtcTime\\\":\\\"2024-05-01 12:00:00\\\"\"}"));
        assertNull(EventTime.of("{\"Image\":\"cmd.exe\"}"));
    }

    @Test
    void parsesCommandLineTimesAsUtcUnlessAZoneIsGiven() {
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), EventTime.parse("2024-05-01"));
        assertEquals(NOON, EventTime.parse("2024-05-01T12:00"));
        assertEquals(NOON, EventTime.parse("2024-05-01 13:00:00+01:00"));
        assertNull(EventTime.parse("May 1st"));
    }
}
