package io.sigscan.engine.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class RenderedEventsTest {

    @Test
    void invalidBytesAreReplacedAndValidOnesKept() {
        RenderedEvents events = new RenderedEvents();
        events.appendUtf8("ok ä ");
        int start = events.length();
        events.append(new UnsafeBuffer(new byte[] {'x', (byte) 0xFF, 'y'}), 0, 3);
        events.replaceInvalidUtf8(start);
        assertEquals("ok ä x\uFFFDy", events.text(0, events.length()));
        int before = events.length();
        events.replaceInvalidUtf8(0);
        assertEquals(before, events.length());
    }

    @Test
    void clearingStartsANewGeneration() {
        RenderedEvents events = new RenderedEvents();
        events.appendUtf8("abc");
        int generation = events.generation();
        events.clear();
        assertEquals(0, events.length());
        assertEquals(generation + 1, events.generation());
    }
}
