package io.sigscan.engine.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class RenderedEventsTest {

    @Test
    void wellFormedUtf8IsAccepted() {
        for (String text : new String[] {"", "plain ascii, longer than one word", "ä", "–", "😀", "a😀bä–c".repeat(5)}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertTrue(RenderedEvents.isUtf8(new UnsafeBuffer(bytes), 0, bytes.length), text);
        }
    }

    @Test
    void malformedUtf8IsRefused() {
        for (String hex : new String[] {"80", "c0af", "c1bf", "e080af", "eda080", "f08fbfbf", "f4908080", "f5808080",
                "ff", "c3", "e282", "f09f98", "41c3", "c328"}) {
            byte[] bytes = HexFormat.of().parseHex(hex);
            assertFalse(RenderedEvents.isUtf8(new UnsafeBuffer(bytes), 0, bytes.length), hex);
        }
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(12)];
            for (int i = 0; i < bytes.length; i++) {
                // Mostly bytes that start or continue sequences, so that many inputs are near-valid.
                bytes[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(128) : 0x80 + random.nextInt(128));
            }
            assertEquals(jdkAccepts(bytes), RenderedEvents.isUtf8(new UnsafeBuffer(bytes), 0, bytes.length),
                    HexFormat.of().formatHex(bytes));
        }
    }

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

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
