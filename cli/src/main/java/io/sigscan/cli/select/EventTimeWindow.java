package io.sigscan.cli.select;

import java.time.Instant;

import io.sigscan.engine.Match;
import io.sigscan.engine.MatchHandler;

/**
 * Passes on the matches whose event time (see {@link EventTime}) is within {@code [from, to)};
 * either end may be open. A match whose event carries no readable time is passed on and counted:
 * a hunt never drops a hit it cannot place.
 */
public final class EventTimeWindow implements MatchHandler {
    private final Instant from;
    private final Instant to;
    private final MatchHandler next;
    private long untimed;

    public EventTimeWindow(Instant from, Instant to, MatchHandler next) {
        this.from = from;
        this.to = to;
        this.next = next;
    }

    @Override
    public void onMatch(Match match) {
        Instant time = EventTime.of(match.eventJson());
        if (time == null) {
            untimed++;
        } else if ((from != null && time.isBefore(from)) || (to != null && !time.isBefore(to))) {
            return;
        }
        next.onMatch(match);
    }

    /** Matches passed on because their event had no readable time. */
    public long untimed() {
        return untimed;
    }
}
