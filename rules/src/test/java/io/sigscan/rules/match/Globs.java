package io.sigscan.rules.match;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;

import io.sigscan.rules.ir.ValueTest;

/** Test helpers: Sigma-style glob text to a pattern test, random text, and values placed mid-buffer. */
final class Globs {

    private Globs() {
    }

    /** {@code *} and {@code ?} are wildcards; everything else is literal (no escapes). */
    static ValueTest.Pattern pattern(String glob, boolean cased) {
        List<ValueTest.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    parts.add(new ValueTest.Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(c == '*' ? ValueTest.ANY_STRING : ValueTest.ANY_CHAR);
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            parts.add(new ValueTest.Literal(literal.toString()));
        }
        return new ValueTest.Pattern(parts, cased);
    }

    /** {@code length} elements of {@code alphabet} (strings, so that one may be several chars), drawn at random. */
    static String randomText(Random random, String[] alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

    static boolean matches(ValueMatcher matcher, String value) {
        return matches(matcher, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Places the bytes between junk so that matchers must respect offset and length. */
    static boolean matches(ValueMatcher matcher, byte[] value) {
        byte[] framed = new byte[value.length + 6];
        framed[0] = 'K';
        framed[1] = (byte) 0xC4;
        framed[2] = 'x';
        System.arraycopy(value, 0, framed, 3, value.length);
        framed[value.length + 3] = 'k';
        framed[value.length + 4] = (byte) 0xB0;
        framed[value.length + 5] = 'I';
        return matcher.matches(new UnsafeBuffer(framed), 3, value.length);
    }
}
