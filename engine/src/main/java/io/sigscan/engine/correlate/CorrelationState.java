package io.sigscan.engine.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sigscan.rules.model.CorrelationRule;

/**
 * The open windows of one correlation, one per group. A group's window holds its entries in
 * event-time order, spanning at most the timespan back from the newest one (both ends included:
 * an entry exactly one timespan older than the newest still counts). The condition is tested
 * whenever an entry arrives; when it holds, the group raises one alert and its window is emptied,
 * so that each event contributes to at most one alert of the correlation.
 *
 * <p>Entries arrive in match order, not event-time order: an entry older than its group's newest
 * is inserted in place; one more than a timespan older than its group's newest is too late to
 * share a window with it and is dropped and counted. Memory is bounded by the open groups: a
 * group whose newest entry is more than a timespan older than the newest entry seen by the
 * correlation is closed, and one group keeps at most a fixed number of entries (the oldest
 * beyond it are dropped and counted).
 */
final class CorrelationState {
    private static final int SWEEP_EVERY = 1024;

    private final CorrelationRule rule;
    private final List<String> groupFields;
    private final int maxEntries;
    private final int maxAlertEvents;
    private final Map<List<String>, GroupWindow> groups = new HashMap<>();
    private long newestSeen = Long.MIN_VALUE;
    private int arrivalsSinceSweep;
    private long late;
    private long dropped;

    CorrelationState(CorrelationRule rule, CorrelationOptions options) {
        this.rule = rule;
        this.groupFields = rule.groupBy();
        this.maxEntries = options.maxEventsPerGroup();
        this.maxAlertEvents = options.maxEventsPerAlert();
    }

    /** Adds an entry to the group {@code key}; returns the alert it completes, or null. */
    CorrelationAlert add(List<String> key, WindowEntry entry) {
        newestSeen = Math.max(newestSeen, entry.time());
        if (++arrivalsSinceSweep >= SWEEP_EVERY) {
            closeStaleGroups();
        }
        GroupWindow window = groups.computeIfAbsent(key, k -> new GroupWindow());
        if (!window.entries.isEmpty() && entry.time() < window.newest - rule.timespanMillis()) {
            late++;
            return null;
        }
        window.insert(entry);
        window.evictBefore(window.newest - rule.timespanMillis());
        if (window.entries.size() > maxEntries) {
            int excess = window.entries.size() - maxEntries;
            window.entries.subList(0, excess).clear();
            dropped += excess;
        }
        double value = Aggregate.of(rule, window.entries);
        if (Double.isNaN(value) || !rule.condition().test(value)) {
            return null;
        }
        groups.remove(key);
        return alert(key, window.entries, value);
    }

    /** Opens group {@code key}'s window with entries carried over from an earlier run. */
    void restore(List<String> key, List<WindowEntry> entries) {
        GroupWindow window = groups.computeIfAbsent(key, k -> new GroupWindow());
        for (WindowEntry entry : entries) {
            window.insert(entry);
            newestSeen = Math.max(newestSeen, entry.time());
        }
    }

    /** The windows still open: groups within a timespan of the newest entry this correlation saw. */
    Map<List<String>, List<WindowEntry>> openWindows() {
        Map<List<String>, List<WindowEntry>> open = new LinkedHashMap<>();
        for (Map.Entry<List<String>, GroupWindow> group : groups.entrySet()) {
            GroupWindow window = group.getValue();
            if (!window.entries.isEmpty() && window.newest >= newestSeen - rule.timespanMillis()) {
                open.put(group.getKey(), List.copyOf(window.entries));
            }
        }
        return open;
    }

    long late() {
        return late;
    }

    long dropped() {
        return dropped;
    }

    private CorrelationAlert alert(List<String> key, List<WindowEntry> entries, double value) {
        List<EventRef> events = new ArrayList<>();
        int eventCount = 0;
        for (WindowEntry entry : entries) {
            eventCount += entry.eventCount();
            for (EventRef event : entry.events()) {
                if (events.size() < maxAlertEvents) {
                    events.add(event);
                }
            }
        }
        return new CorrelationAlert(rule, groupFields, key, entries.get(0).time(),
                entries.get(entries.size() - 1).time(), value, eventCount, events);
    }

    private void closeStaleGroups() {
        arrivalsSinceSweep = 0;
        long horizon = newestSeen - rule.timespanMillis();
        for (Iterator<GroupWindow> it = groups.values().iterator(); it.hasNext(); ) {
            if (it.next().newest < horizon) {
                it.remove();
            }
        }
    }

    /** One group's entries in event-time order (equal times in arrival order). */
    private static final class GroupWindow {
        final ArrayList<WindowEntry> entries = new ArrayList<>();
        long newest = Long.MIN_VALUE;

        void insert(WindowEntry entry) {
            int at = entries.size();
            while (at > 0 && entries.get(at - 1).time() > entry.time()) {
                at--;
            }
            entries.add(at, entry);
            newest = Math.max(newest, entry.time());
        }

        void evictBefore(long start) {
            int keep = 0;
            while (keep < entries.size() && entries.get(keep).time() < start) {
                keep++;
            }
            entries.subList(0, keep).clear();
        }
    }
}
