package io.sigscan.engine.correlate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.sigscan.rules.model.CorrelationRule;

/**
 * A correlation whose condition held for one group within its timespan.
 *
 * @param rule        the correlation rule
 * @param groupFields its {@code group-by} entries (aliases as written)
 * @param groupValues the group's value per entry, null where the events had none
 * @param windowStart event time (epoch milliseconds) of the earliest contributing event
 * @param windowEnd   event time of the latest contributing event, which completed the condition
 * @param value       what the condition tested: the count, distinct values, rules seen, sum, average or percentile
 * @param eventCount  how many events contributed
 * @param events      the contributing events in event-time order, at most the configured number
 *                    ({@link CorrelationOptions#maxEventsPerAlert()}); chained correlations
 *                    contribute the events of their own alerts
 */
public record CorrelationAlert(CorrelationRule rule, List<String> groupFields, List<String> groupValues,
                               long windowStart, long windowEnd, double value, int eventCount,
                               List<EventRef> events) {

    public CorrelationAlert {
        groupFields = List.copyOf(groupFields);
        groupValues = Collections.unmodifiableList(new ArrayList<>(groupValues));
        events = List.copyOf(events);
    }
}
