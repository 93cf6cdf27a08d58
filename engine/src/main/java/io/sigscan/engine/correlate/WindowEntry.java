package io.sigscan.engine.correlate;

import java.util.List;

/**
 * One base match or chained alert inside a group's window.
 *
 * @param time   event time, epoch milliseconds
 * @param slot   position in the correlation's {@code rules} of the rule it came from
 * @param value  the aggregated field's value (value_count: all fields joined), null when missing
 * @param number the aggregated field as a number, NaN when missing or not numeric
 * @param events the events behind it: one for a match, the alert's events for a chained correlation
 * @param eventCount how many events are behind it (the list may be cut short)
 */
record WindowEntry(long time, int slot, String value, double number, List<EventRef> events, int eventCount) {
}
