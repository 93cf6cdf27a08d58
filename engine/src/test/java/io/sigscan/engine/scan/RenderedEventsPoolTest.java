package io.sigscan.engine.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import io.sigscan.engine.record.RenderedEvents;

class RenderedEventsPoolTest {

    @Test
    void aBufferHandedBackIsClearedAndTakenAgain() {
        RenderedEventsPool pool = new RenderedEventsPool(2);
        RenderedEvents events = pool.take();
        events.appendUtf8("{\"a\":1}");
        int generation = events.generation();
        pool.giveBack(events);
        assertEquals(0, events.length());
        assertEquals(generation + 1, events.generation(), "matches lent its bytes can tell they are gone");
        assertSame(events, pool.take());
    }

    /** A chunk whose events nearly all matched grows its buffer far: such a buffer is not kept. */
    @Test
    void aBufferGrownPastTheLimitIsDroppedButStillCleared() {
        RenderedEventsPool pool = new RenderedEventsPool(2);
        RenderedEvents big = pool.take();
        big.appendUtf8("x".repeat(RenderedEventsPool.MAX_KEPT_BYTES + 1));
        int generation = big.generation();
        pool.giveBack(big);
        assertEquals(generation + 1, big.generation());
        assertNotSame(big, pool.take());
    }

    @Test
    void aFullPoolDropsWhatIsHandedBack() {
        RenderedEventsPool pool = new RenderedEventsPool(2);
        RenderedEvents first = new RenderedEvents();
        RenderedEvents second = new RenderedEvents();
        RenderedEvents third = new RenderedEvents();
        pool.giveBack(first);
        pool.giveBack(second);
        pool.giveBack(third);
        assertSame(first, pool.take());
        assertSame(second, pool.take());
        RenderedEvents fresh = pool.take();
        assertNotSame(third, fresh);
    }
}
