package io.sigscan.engine.correlate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import io.sigscan.engine.Match;
import io.sigscan.engine.MatchHandler;
import io.sigscan.engine.json.MatchFields;
import io.sigscan.engine.time.EventTime;

/**
 * Sits between the ordered match stream and its consumer: passes on the matches of visible rules at
 * once, and feeds the matches of correlated rules into their correlations' windows in event-time
 * order, passing on each alert (and feeding it to the correlations that chain on it) as it is raised.
 *
 * <p>The match stream is in input order, and inputs from several sources cover the same hours, so
 * correlated matches wait in a reorder buffer of at most
 * {@link CorrelationOptions#maxPendingMatches()} entries and enter the windows earliest first: when
 * the buffer is full, and all of them at {@link #finish()}. A hunt whose correlated matches fit in
 * the buffer is thus correlated exactly as if its events had been read in time order; beyond that,
 * a match earlier than those already released can only join a window its group still has open.
 */
public final class CorrelatingMatchHandler implements MatchHandler {
    private static final Comparator<Pending> EARLIEST_FIRST = Comparator.comparingLong(Pending::time)
            .thenComparingLong(Pending::sequence);

    private final Correlations correlations;
    private final MatchHandler matches;
    private final CorrelationAlertHandler alerts;
    private final CorrelationState[] states;
    private final MatchFields fields;
    private final EventTime eventTime;
    private final long[] alertsPerCorrelation;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(EARLIEST_FIRST);
    private long sequence;
    private long alertsWritten;
    private long suppressed;
    private long untimed;

    CorrelatingMatchHandler(Correlations correlations, MatchHandler matches, CorrelationAlertHandler alerts) {
        this.correlations = correlations;
        this.matches = matches;
        this.alerts = alerts;
        this.states = new CorrelationState[correlations.rules.size()];
        for (int c = 0; c < states.length; c++) {
            states[c] = new CorrelationState(correlations.rules.get(c), correlations.options);
        }
        this.fields = new MatchFields(correlations.fields);
        this.eventTime = new EventTime(correlations.options.timeFields());
        this.alertsPerCorrelation = new long[states.length];
    }

    @Override
    public void onMatch(Match match) {
        int rule = match.ruleIndex();
        if (correlations.ruleVisible[rule]) {
            matches.onMatch(match);
        } else {
            suppressed++;
        }
        Subscription[] subscriptions = correlations.byRule[rule];
        if (subscriptions.length == 0) {
            return;
        }
        long time = fields.read(match.eventJson()) ? eventTime.of(fields) : EventTime.NONE;
        if (time == EventTime.NONE) {
            untimed++;
            return;
        }
        List<EventRef> events = List.of(new EventRef(match.file(), match.offset()));
        for (Subscription subscription : subscriptions) {
            String[] group = new String[subscription.groupFields().length];
            for (int g = 0; g < group.length; g++) {
                group[g] = fields.text(subscription.groupFields()[g]);
            }
            String[] values = new String[subscription.valueFields().length];
            for (int v = 0; v < values.length; v++) {
                values[v] = fields.text(subscription.valueFields()[v]);
            }
            pending.add(new Pending(time, sequence++, subscription, group, values, events));
            if (pending.size() > correlations.options.maxPendingMatches()) {
                release(pending.poll());
            }
        }
    }

    /**
     * Feeds every correlated match still waiting in the reorder buffer into the windows, earliest
     * first, raising the alerts they complete. Call it when the match stream ends; matches passed
     * on afterwards are correlated too, as later arrivals.
     */
    public void finish() {
        while (!pending.isEmpty()) {
            release(pending.poll());
        }
    }

    /**
     * The windows still open, as text for {@link #restoreWindows} in a later run over later events.
     * Call it after {@link #finish()}: matches still in the reorder buffer are not in it.
     */
    public String saveWindows() {
        return WindowsText.format(correlations.rules, states);
    }

    /**
     * Reopens the windows an earlier run saved, before any match arrives; windows of correlations
     * no longer loaded are left out. All or nothing.
     *
     * @throws IllegalArgumentException naming the line, when the text is damaged or of another version
     */
    public void restoreWindows(String text) {
        for (WindowsText.Window window : WindowsText.parse(text, correlations.rules)) {
            states[window.correlation()].restore(window.key(), window.entries());
        }
    }

    private void release(Pending match) {
        feed(match.subscription(), match.group(), match.values(), match.time(), match.events(), 1);
    }

    /** What correlation did so far. */
    public CorrelationStats stats() {
        long late = 0;
        long dropped = 0;
        for (CorrelationState state : states) {
            late += state.late();
            dropped += state.dropped();
        }
        return new CorrelationStats(alertsPerCorrelation, alertsWritten, suppressed, untimed, late, dropped);
    }

    private void feed(Subscription subscription, String[] group, String[] values, long time, List<EventRef> events,
                      int eventCount) {
        WindowEntry entry = new WindowEntry(time, subscription.slot(), joined(values), number(values), events,
                eventCount);
        int c = subscription.correlation();
        CorrelationAlert alert = states[c].add(Arrays.asList(group), entry);
        if (alert != null) {
            raise(c, alert);
        }
    }

    private void raise(int c, CorrelationAlert alert) {
        alertsPerCorrelation[c]++;
        if (correlations.correlationVisible[c]) {
            alertsWritten++;
            alerts.onAlert(alert);
        }
        for (Subscription subscription : correlations.byCorrelation[c]) {
            feed(subscription, pick(alert, subscription.groupFields()), pick(alert, subscription.valueFields()),
                    alert.windowEnd(), alert.events(), alert.eventCount());
        }
    }

    /** A correlated match waiting in the reorder buffer; {@code sequence} keeps arrival order among equal times. */
    private record Pending(long time, long sequence, Subscription subscription, String[] group, String[] values,
                           List<EventRef> events) {
    }

    /** The alert's group values at {@code positions} (-1: a field its group-by does not have). */
    private static String[] pick(CorrelationAlert alert, int[] positions) {
        String[] picked = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
            picked[i] = positions[i] < 0 ? null : alert.groupValues().get(positions[i]);
        }
        return picked;
    }

    /** value_count's value: all fields, or null when any is missing. */
    private static String joined(String[] values) {
        if (values.length == 1) {
            return values[0];
        }
        List<String> parts = new ArrayList<>(values.length);
        for (String value : values) {
            if (value == null) {
                return null;
            }
            parts.add(value);
        }
        return String.join("\u0000", parts);
    }

    /** The first field as a finite number, else NaN. */
    private static double number(String[] values) {
        if (values.length == 0 || values[0] == null) {
            return Double.NaN;
        }
        try {
            double number = Double.parseDouble(values[0].trim());
            return Double.isFinite(number) ? number : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
