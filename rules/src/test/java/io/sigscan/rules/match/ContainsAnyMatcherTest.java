package io.sigscan.rules.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.ir.ValueTest;

/**
 * The merged matcher against the contains matchers it replaces, OR-ed one by one, on random
 * needles and values over an alphabet with case-folding traps ('İ', 'ı', 'ſ', the Kelvin sign).
 */
class ContainsAnyMatcherTest {
    private static final String[] ALPHABET = {"a", "A", "i", "I", "k", "K", "s", "S", "İ", "ı", "ſ", "\u212A", "ä", "\\", "-", "–"};
    private static final String[] NEEDLE_ALPHABET = {"a", "A", "i", "I", "k", "s", "\\", "-"};

    @Test
    void agreesWithTheContainsMatchersItMerges() {
        Random random = new Random(99);
        for (int round = 0; round < 2_000; round++) {
            List<ValueTest> tests = new ArrayList<>();
            List<ValueMatcher> singles = new ArrayList<>();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                ValueTest test = Globs.pattern("*" + Globs.randomText(random, NEEDLE_ALPHABET, 1 + random.nextInt(3)) + "*", false);
                tests.add(test);
                singles.add(ValueMatcher.forTest(test));
            }
            ValueMatcher merged = ContainsAnyMatcher.of(tests);
            for (int v = 0; v < 10; v++) {
                String value = Globs.randomText(random, ALPHABET, random.nextInt(10));
                boolean expected = singles.stream().anyMatch(single -> Globs.matches(single, value));
                assertEquals(expected, Globs.matches(merged, value), () -> tests + " on '" + value + "'");
            }
        }
    }

    @Test
    void onlyCaseInsensitiveAsciiContainsTestsAreMergeable() {
        assertEquals("\\cmd.exe", ContainsAnyMatcher.mergeableNeedle(Globs.pattern("*\\CMD.exe*", false)));
        assertNull(ContainsAnyMatcher.mergeableNeedle(Globs.pattern("*cmd.exe*", true)), "cased");
        assertNull(ContainsAnyMatcher.mergeableNeedle(Globs.pattern("*cmd.exe", false)), "endswith");
        assertNull(ContainsAnyMatcher.mergeableNeedle(Globs.pattern("*cmd*exe*", false)), "two literals");
        assertNull(ContainsAnyMatcher.mergeableNeedle(Globs.pattern("*\u2013enc*", false)), "non-ASCII");
    }
}
