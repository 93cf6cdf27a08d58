package io.sigscan.engine.scan;

import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;

import io.sigscan.engine.record.RenderedEvents;

/**
 * The buffers matched events are rendered into, passed from the emitting thread back to the
 * workers once a chunk's matches have been handled: in steady state rendering a match allocates
 * nothing. A lock-free array queue, because a linked one allocates a node per buffer handed back.
 * Buffers grown past {@link #MAX_KEPT_BYTES} (a chunk of events nearly all matched) are dropped
 * rather than kept, so the pool holds little memory whatever the input.
 */
final class RenderedEventsPool {
    static final int MAX_KEPT_BYTES = 4 << 20;

    private final ManyToManyConcurrentArrayQueue<RenderedEvents> free;

    /** A pool for {@code chunksInFlight} chunks at a time. */
    RenderedEventsPool(int chunksInFlight) {
        this.free = new ManyToManyConcurrentArrayQueue<>(Math.max(2, chunksInFlight));
    }

    /** A cleared buffer: a free one, or a new one when none is. */
    RenderedEvents take() {
        final RenderedEvents events = free.poll();
        return events != null ? events : new RenderedEvents();
    }

    /** Ends the lending of {@code events} (matches pointing into it can no longer read it) and keeps it for reuse. */
    void giveBack(RenderedEvents events) {
        events.clear();
        if (events.capacity() <= MAX_KEPT_BYTES) {
            free.offer(events);
        }
    }
}
