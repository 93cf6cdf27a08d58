package io.sigscan.engine.correlate;

import java.util.List;

/**
 * How correlations read and bound their state.
 *
 * @param timeFields        fields holding an event's time, tried in order; the first present one
 *                          that parses wins (names as rules write them, after Windows flattening)
 * @param maxEventsPerGroup entries one group's window keeps; beyond it the oldest are dropped and counted
 * @param maxEventsPerAlert contributing events listed in one alert (all are counted)
 * @param maxPendingMatches correlated matches held to be put in event-time order before they enter
 *                          the windows (see {@link CorrelatingMatchHandler})
 */
public record CorrelationOptions(List<String> timeFields, int maxEventsPerGroup, int maxEventsPerAlert,
                                 int maxPendingMatches) {

    /**
     * EVTX and its evtx_dump rendering ({@code System.TimeCreated.#attributes.SystemTime}, flattened to
     * {@code TimeCreated_SystemTime}), python-evtx style {@code Event.System.TimeCreated_attributes.SystemTime},
     * then
     * the names common exports use.
     */
    public static final List<String> DEFAULT_TIME_FIELDS = List.of("TimeCreated_SystemTime",
            "Event.System.TimeCreated_attributes.SystemTime", "TimeCreated", "@timestamp", "timestamp", "UtcTime", "EventTime");

    public CorrelationOptions {
        timeFields = List.copyOf(timeFields);
        if (timeFields.isEmpty()) {
            throw new IllegalArgumentException("at least one time field is needed");
        }
        if (maxEventsPerGroup < 1 || maxEventsPerAlert < 0 || maxPendingMatches < 0) {
            throw new IllegalArgumentException("maxEventsPerGroup must be positive, maxEventsPerAlert and "
                    + "maxPendingMatches not negative");
        }
    }

    /**
     * The default time fields, 100,000 entries per group, 100 events listed per alert, and 250,000
     * correlated matches reordered (a few hundred bytes each).
     */
    public static CorrelationOptions defaults() {
        return new CorrelationOptions(DEFAULT_TIME_FIELDS, 100_000, 100, 250_000);
    }

    public CorrelationOptions withTimeFields(List<String> fields) {
        return new CorrelationOptions(fields, maxEventsPerGroup, maxEventsPerAlert, maxPendingMatches);
    }

    public CorrelationOptions withMaxEventsPerGroup(int entries) {
        return new CorrelationOptions(timeFields, entries, maxEventsPerAlert, maxPendingMatches);
    }

    public CorrelationOptions withMaxPendingMatches(int matches) {
        return new CorrelationOptions(timeFields, maxEventsPerGroup, maxEventsPerAlert, matches);
    }
}
