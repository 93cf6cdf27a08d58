package io.sigscan.rules.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random patterns and values over an alphabet rich in case-folding traps ('İ', 'K', 'Ⱥ', 'ß',
 * 4-byte emoji), checked against java.util.regex on code-point-lower-cased strings.
 */
class PatternMatcherOracleTest {
    private static final String[] ALPHABET = {
        "a", "A", "i", "I", "k", "K", "İ", "\u212A", "ä", "Ä", "ß", "Ⱥ", "ⱥ", "😀", "\\", ".", "-", "–",
    };

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20261128})
    void everySpecialisedMatcherAgreesWithARegexOracle(long seed) {
        agreeWithTheOracle(seed, false);
    }

    /** Values padded to tens of bytes, mostly ASCII, so that matchers reading words of eight bytes take that path. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6, 7})
    void specialisedMatchersAgreeWithTheOracleOnLongValues(long seed) {
        agreeWithTheOracle(seed, true);
    }

    private static void agreeWithTheOracle(long seed, boolean padded) {
        Random random = new Random(seed);
        for (int round = 0; round < 4_000; round++) {
            boolean cased = random.nextInt(4) == 0;
            String glob = randomGlob(random);
            ValueMatcher matcher = ValueMatcher.forTest(Globs.pattern(glob, cased));
            for (int v = 0; v < 8; v++) {
                String core = random.nextBoolean() ? randomText(random, 6) : mutate(random, glob);
                String value = padded ? padding(random) + core + padding(random) : core;
                boolean expected = oracle(glob, value, cased);
                assertEquals(expected, Globs.matches(matcher, value),
                        () -> "pattern '" + glob + "' (" + matcher + ", cased " + cased + ") on '" + value + "'");
            }
        }
    }

    /** Up to 30 characters, one in ten from the trap alphabet, the rest ASCII letters, digits and punctuation. */
    private static String padding(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(31);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(10) == 0) {
                text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            } else {
                text.append((char) (' ' + random.nextInt(95)));
            }
        }
        return text.toString();
    }

    private static String randomGlob(Random random) {
        StringBuilder glob = new StringBuilder();
        int shape = random.nextInt(6);
        if (shape == 1 || shape == 3) {
            glob.append('*');
        }
        glob.append(randomText(random, 3));
        if (shape == 2 || shape == 3) {
            glob.append('*');
        }
        if (shape >= 4) {
            glob.append(random.nextBoolean() ? '?' : '*').append(randomText(random, 2));
        }
        return glob.toString();
    }

    private static String randomText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    /** A value near the pattern: wildcards filled in, case flipped, so that matches are common. */
    private static String mutate(Random random, String glob) {
        StringBuilder value = new StringBuilder();
        glob.codePoints().forEach(cp -> {
            if (cp == '*') {
                value.append(randomText(random, 2));
            } else if (cp == '?') {
                value.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            } else if (random.nextInt(3) == 0) {
                value.appendCodePoint(Character.toUpperCase(cp));
            } else {
                value.appendCodePoint(cp);
            }
        });
        return value.toString();
    }

    private static boolean oracle(String glob, String value, boolean cased) {
        StringBuilder regex = new StringBuilder();
        glob.codePoints().forEach(cp -> {
            if (cp == '*') {
                regex.append(".*");
            } else if (cp == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(new String(Character.toChars(cased ? cp : Character.toLowerCase(cp)))));
            }
        });
        String subject = cased ? value : lowerCodePoints(value);
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(subject).matches();
    }

    private static String lowerCodePoints(String text) {
        StringBuilder lower = new StringBuilder();
        text.codePoints().forEach(cp -> lower.appendCodePoint(Character.toLowerCase(cp)));
        return lower.toString();
    }
}
