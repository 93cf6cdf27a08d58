package io.sigscan.engine.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Decoding against an encoder: random text (ASCII runs, non-ASCII, astral characters, lone
 * surrogates) escaped every way JSON allows, at every alignment, into output arrays with and
 * without room to spare, so that both the word-at-a-time and the byte-by-byte paths are taken.
 */
class JsonStringsTest {

    @Test
    void decodesWhatAnEncoderWroteWhateverTheRunsAndAlignment() {
        Random random = new Random(7);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder escaped = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            int parts = random.nextInt(12);
            for (int i = 0; i < parts; i++) {
                appendPart(random, escaped, expected);
            }
            String prefix = "x".repeat(random.nextInt(9));
            byte[] in = (prefix + escaped).getBytes(StandardCharsets.UTF_8);
            byte[] want = expected.toString().getBytes(StandardCharsets.UTF_8);
            int at = random.nextInt(5);
            // Sometimes exactly as long as needed, sometimes with room for whole words.
            byte[] out = new byte[at + want.length + (random.nextBoolean() ? 0 : 16)];
            int written = JsonStrings.unescape(new UnsafeBuffer(in), prefix.length(), in.length, out, at);
            assertArrayEquals(want, Arrays.copyOfRange(out, at, at + written), () -> "decoding " + escaped);
        }
    }

    private static void appendPart(Random random, StringBuilder escaped, StringBuilder expected) {
        switch (random.nextInt(8)) {
            case 0 -> {
                String run = "C:Windows.system32-cmd exe".substring(0, random.nextInt(27));
                escaped.append(run);
                expected.append(run);
            }
            case 1 -> {
                escaped.append("\\\\");
                expected.append('\\');
            }
            case 2 -> {
                int which = random.nextInt(8);
                escaped.append('\\').append("\"\\/bfnrt".charAt(which));
                expected.append("\"\\/\b\f\n\r\t".charAt(which));
            }
            case 3 -> {
                char c = (char) (random.nextInt(0xD000) + 1);
                escaped.append(String.format("\\u%04x", (int) c));
                expected.append(c);
            }
            case 4 -> {
                int codePoint = 0x10000 + random.nextInt(0x100000);
                char[] pair = Character.toChars(codePoint);
                escaped.append(String.format("\\u%04X\\u%04x", (int) pair[0], (int) pair[1]));
                expected.appendCodePoint(codePoint);
            }
            case 5 -> {
                // A lone surrogate decodes to U+FFFD.
                escaped.append(String.format("\\u%04x", 0xDC00 + random.nextInt(0x400)));
                expected.append('\uFFFD');
            }
            case 6 -> {
                String text = "äé–日本😀";
                escaped.append(text);
                expected.append(text);
            }
            default -> {
                String run = "x".repeat(random.nextInt(20));
                escaped.append(run);
                expected.append(run);
            }
        }
    }
}
