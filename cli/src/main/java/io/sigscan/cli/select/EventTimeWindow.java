package io.sigscan.cli.select;

import java.time.Instant;

import io.sigscan.engine.Match;
import io.sigscan.engine.MatchHandler;
import io.sigscan.engine.time.EventTime;

/**
 * Passes on the matches whose event time (read by an {@link EventTime}) is within {@code [from, to)};
 * either end may be open. A match whose event carries no readable time is passed on and counted:
 * a hunt never drops a hit it cannot place.
 */
public final class EventTimeWindow implements MatchHandler {
    private final long from;
    private final long to;
    private final EventTime eventTime;
    private final MatchHandler next;
    private long untimed;

    /** {@code from} and {@code to} may be null: no bound. */
    public EventTimeWindow(Instant from, Instant to, EventTime eventTime, MatchHandler next) {
        this.from = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        this.to = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        this.eventTime = eventTime;
        this.next = next;
    }

    @Override
    public void onMatch(Match match) {
        long time = eventTime.of(match.eventJson());
        if (time == EventTime.NONE) {
            untimed++;
        } else if (time < from || time >= to) {
            return;
        }
        next.onMatch(match);
    }

    /** Matches passed on because their event had no readable time. */
    public long untimed() {
        return untimed;
    }
}
