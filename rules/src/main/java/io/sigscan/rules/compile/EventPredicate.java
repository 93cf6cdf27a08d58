package io.sigscan.rules.compile;

import io.sigscan.rules.event.EventView;

/** A compiled detection: true when the event matches. Stateless, thread-safe, allocation-free. */
@FunctionalInterface
public interface EventPredicate {
    boolean test(EventView event);
}
