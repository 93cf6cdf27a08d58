package io.sigscan.engine.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void wellFormedUtf8IsAccepted() {
        for (String text : new String[] {"", "plain ascii, longer than one word", "ä", "–", "😀", "a😀bä–c".repeat(5)}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertEquals(-1, Utf8.firstMalformed(new UnsafeBuffer(bytes), 0, bytes.length), text);
        }
    }

    @Test
    void theFirstMalformedSequenceIsFound() {
        for (String hex : new String[] {"80", "c0af", "c1bf", "e080af", "eda080", "f08fbfbf", "f4908080", "f5808080",
                "ff", "c3", "e282", "f09f98", "c328"}) {
            byte[] bytes = HexFormat.of().parseHex(hex);
            assertEquals(0, Utf8.firstMalformed(new UnsafeBuffer(bytes), 0, bytes.length), hex);
        }
        byte[] late = HexFormat.of().parseHex("41c3a4" + "41".repeat(9) + "c3" + "41");
        assertEquals(12, Utf8.firstMalformed(new UnsafeBuffer(late), 0, late.length));
        assertEquals(-1, Utf8.firstMalformed(new UnsafeBuffer(late), 0, 12), "a range that stops before it");
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
            assertEquals(jdkAccepts(bytes), Utf8.firstMalformed(new UnsafeBuffer(bytes), 0, bytes.length) < 0,
                    HexFormat.of().formatHex(bytes));
        }
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
