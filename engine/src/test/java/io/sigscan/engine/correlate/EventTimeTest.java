package io.sigscan.engine.correlate;

import static io.sigscan.engine.correlate.CorrelationHarness.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Where event time comes from, how it is parsed, and what happens to matches without one or out of order. */
class EventTimeTest {

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void isoTimesWithAndWithoutZones() {
        assertEquals(millis("2025-11-27T07:40:10.165Z"), EventTimeParser.parse("2025-11-27T07:40:10.165324Z"));
        assertEquals(millis("2025-11-27T07:40:10.132Z"), EventTimeParser.parse("2025-11-27 07:40:10.132"));
        assertEquals(millis("2025-11-27T05:40:10Z"), EventTimeParser.parse("2025-11-27T07:40:10+02:00"));
        assertEquals(millis("2025-11-27T09:10:10Z"), EventTimeParser.parse("2025-11-27T07:40:10-0130"));
        assertEquals(millis("2025-11-27T07:40:10.100Z"), EventTimeParser.parse("2025-11-27T07:40:10.1"));
    }

    @Test
    void epochSecondsAndMilliseconds() {
        assertEquals(1_700_000_000_000L, EventTimeParser.parse("1700000000"));
        assertEquals(1_700_000_000_500L, EventTimeParser.parse("1700000000.5"));
        assertEquals(1_700_000_000_123L, EventTimeParser.parse("1700000000123"));
    }

    @Test
    void textThatIsNoTime() {
        for (String text : List.of("", "yesterday", "2025-13-01T00:00:00Z", "2025-11-27", "12:00:00", "-5")) {
            assertEquals(EventTimeParser.NO_TIME, EventTimeParser.parse(text), text);
        }
    }

    private static CorrelationHarness pairs() {
        return new CorrelationHarness(rule("a") + "title: Corr\ncorrelation:\n    type: event_count\n    rules: a\n"
                + "    timespan: 1m\n    condition:\n        gte: 2\n");
    }

    @Test
    void evtxRenderedEventsGiveSystemTimeCreated() {
        String evtx = "{\"Event\":{\"System\":{\"EventID\":1,\"TimeCreated\":{\"#attributes\":{\"SystemTime\":"
                + "\"2026-01-05T10:00:%02dZ\"}}},\"EventData\":{\"UtcTime\":\"2020-01-01 00:00:00.000\"}}}";
        CorrelationHarness run = pairs().match("a", String.format(evtx, 0)).match("a", String.format(evtx, 59));
        assertEquals(1, run.alerts.size(), "TimeCreated wins over UtcTime, which is a year apart");
        assertEquals(millis("2026-01-05T10:00:59Z"), run.alerts.get(0).windowEnd());
    }

    @Test
    void pythonEvtxAttributesAndOtherTimeFields() {
        String attributes = "{\"Event\":{\"System\":{\"TimeCreated_attributes\":{\"SystemTime\":\"2026-01-05 10:00:00.000000\"}}}}";
        assertEquals(1, pairs().match("a", attributes).at(30, "a").alerts.size());
        assertEquals(1, pairs().match("a", "{\"UtcTime\":\"2026-01-05 10:00:10.000\"}").at(30, "a").alerts.size());
        assertEquals(1, pairs().match("a", "{\"EventTime\":\"2026-01-05T10:00:10Z\"}").at(30, "a").alerts.size());
    }

    @Test
    void configuredTimeFieldsReplaceTheDefaults() {
        CorrelationHarness run = new CorrelationHarness(rule("a") + "title: Corr\ncorrelation:\n    type: event_count\n"
                + "    rules: a\n    timespan: 1m\n    condition:\n        gte: 2\n",
                CorrelationOptions.defaults().withTimeFields(List.of("when")))
                .match("a", "{\"when\":1767607200}").match("a", "{\"when\":1767607260, \"@timestamp\":\"x\"}");
        assertEquals(1, run.alerts.size());
    }

    @Test
    void matchesWithoutATimeAreCountedNotCorrelated() {
        CorrelationHarness run = pairs().match("a", "{\"EventID\":1}").match("a", "not json").at(0, "a");
        assertEquals(List.of(), run.alerts);
        assertEquals(2, run.handler.stats().untimedMatches());
    }

    @Test
    void outOfOrderMatchesWithinTheTimespanAreCorrelated() {
        CorrelationHarness run = new CorrelationHarness(rule("a") + rule("b") + "title: Corr\ncorrelation:\n"
                + "    type: temporal_ordered\n    rules:\n        - a\n        - b\n    timespan: 1m\n")
                .at(30, "b").at(10, "a");
        assertEquals(1, run.alerts.size(), "a at :10 precedes b at :30 in event time, though read later");
        assertEquals(millis("2026-01-05T10:00:10Z"), run.alerts.get(0).windowStart());
    }

    @Test
    void matchesMoreThanATimespanOlderThanTheirGroupAreLateAndCounted() {
        CorrelationHarness run = pairs().at(120, "a").at(59, "a");
        assertEquals(List.of(), run.alerts);
        assertEquals(1, run.handler.stats().lateMatches());
        run.at(60, "a");
        assertEquals(1, run.alerts.size(), "exactly one timespan older still shares the window");
    }

    @Test
    void aGroupKeepsAtMostTheConfiguredEntries() {
        CorrelationHarness run = new CorrelationHarness(rule("a") + "title: Corr\ncorrelation:\n    type: event_count\n"
                + "    rules: a\n    timespan: 1h\n    condition:\n        gte: 3\n",
                CorrelationOptions.defaults().withMaxEventsPerGroup(2))
                .at(0, "a").at(1, "a").at(2, "a");
        assertEquals(List.of(), run.alerts);
        assertEquals(1, run.handler.stats().droppedEntries(), "the third entry pushed out the first");
    }

    private static final String TWO_SOURCES = rule("a") + rule("b") + "title: Corr\ncorrelation:\n"
            + "    type: temporal_ordered\n    rules:\n        - a\n        - b\n    group-by: Host\n    timespan: 1m\n";

    @Test
    void inputsCoveringTheSameHoursAreCorrelatedInEventTimeOrder() {
        CorrelationHarness run = CorrelationHarness.buffered(TWO_SOURCES, CorrelationOptions.defaults())
                .at(0, "b", "Host", "h1").at(3600, "b", "Host", "h1")
                .at(3590, "a", "Host", "h1").at(30, "a", "Host", "h2");
        assertEquals(List.of(), run.alerts, "nothing enters the windows before the stream ends");
        run.finish();
        assertEquals(List.of("Corr [h1] 2 [300, 200]"), run.alertLines(),
                "the second file's a at 59:50 precedes the first file's b at 1:00:00");
        assertEquals(0, run.handler.stats().lateMatches());
    }

    @Test
    void aFullReorderBufferReleasesItsEarliestMatch() {
        CorrelationHarness run = CorrelationHarness.buffered(TWO_SOURCES,
                CorrelationOptions.defaults().withMaxPendingMatches(1))
                .at(0, "b", "Host", "h1").at(3600, "b", "Host", "h1").at(3590, "a", "Host", "h1")
                .at(10, "a", "Host", "h1").finish();
        assertEquals(List.of("Corr [h1] 2 [300, 200]"), run.alertLines());
        assertEquals(1, run.handler.stats().lateMatches(), "a at :10 came after 1:00:00 had been released");
    }
}
