package io.sigscan.engine.correlate;

import java.util.List;

import io.sigscan.engine.time.EventTime;

/**
 * How correlations read and bound their state.
 *
 * @param timeFields        fields holding an event's time, tried in order (see {@link EventTime})
 * @param maxEventsPerGroup entries one group's window keeps; beyond it the oldest are dropped and counted
 * @param maxEventsPerAlert contributing events listed in one alert (all are counted)
 * @param maxPendingMatches correlated matches held to be put in event-time order before they enter
 *                          the windows (see {@link CorrelatingMatchHandler})
 */
public record CorrelationOptions(List<String> timeFields, int maxEventsPerGroup, int maxEventsPerAlert,
                                 int maxPendingMatches) {

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
     * The default time fields ({@link EventTime#DEFAULT_FIELDS}), 100,000 entries per group, 100 events
     * listed per alert, and 250,000 correlated matches reordered (a few hundred bytes each).
     */
    public static CorrelationOptions defaults() {
        return new CorrelationOptions(EventTime.DEFAULT_FIELDS, 100_000, 100, 250_000);
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
