package io.sigscan.rules.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.ir.ValueTest;

/**
 * The merged matcher against the endswith matchers it replaces, OR-ed one by one, on random
 * needles and values over an alphabet with case-folding traps ('İ', 'ı', 'ſ', the Kelvin sign).
 */
class EndsWithAnyMatcherTest {
    private static final String[] ALPHABET = {"a", "A", "i", "I", "k", "K", "s", "S", "İ", "ı", "ſ", "\u212A", "ä", "\\", ".", "–"};
    private static final String[] NEEDLE_ALPHABET = {"a", "A", "i", "I", "k", "s", "\\", "."};

    @Test
    void agreesWithTheEndswithMatchersItMerges() {
        Random random = new Random(5);
        for (int round = 0; round < 2_000; round++) {
            List<ValueTest> tests = new ArrayList<>();
            List<ValueMatcher> singles = new ArrayList<>();
            for (int n = 1 + random.nextInt(40); n > 0; n--) {
                ValueTest test = Globs.pattern("*" + Globs.randomText(random, NEEDLE_ALPHABET, 1 + random.nextInt(5)), false);
                tests.add(test);
                singles.add(ValueMatcher.forTest(test));
            }
            ValueMatcher merged = EndsWithAnyMatcher.of(tests);
            for (int v = 0; v < 10; v++) {
                String value = Globs.randomText(random, ALPHABET, random.nextInt(8));
                boolean expected = singles.stream().anyMatch(single -> Globs.matches(single, value));
                assertEquals(expected, Globs.matches(merged, value), () -> tests + " on '" + value + "'");
            }
        }
    }

    @Test
    void findsASideLoadedDllAmongMany() {
        List<ValueTest> tests = new ArrayList<>();
        for (String dll : List.of("\\version.dll", "\\dbghelp.dll", "\\wow64log.dll", "\\cryptbase.dll")) {
            tests.add(Globs.pattern("*" + dll, false));
        }
        ValueMatcher merged = EndsWithAnyMatcher.of(tests);
        assertEquals(true, Globs.matches(merged, "C:\\Users\\Public\\VERSION.dll"));
        assertEquals(false, Globs.matches(merged, "C:\\Users\\Public\\version.dll.bak"));
        assertEquals(false, Globs.matches(merged, "version.dll"), "the backslash is part of the needle");
    }

    @Test
    void onlyCaseInsensitiveAsciiEndswithTestsAreMergeable() {
        assertEquals("\\cmd.exe", EndsWithAnyMatcher.mergeableNeedle(Globs.pattern("*\\CMD.exe", false)));
        assertNull(EndsWithAnyMatcher.mergeableNeedle(Globs.pattern("*cmd.exe", true)), "cased");
        assertNull(EndsWithAnyMatcher.mergeableNeedle(Globs.pattern("*cmd.exe*", false)), "contains");
        assertNull(EndsWithAnyMatcher.mergeableNeedle(Globs.pattern("cmd.exe", false)), "equals");
        assertNull(EndsWithAnyMatcher.mergeableNeedle(Globs.pattern("*cmd*exe", false)), "two literals");
        assertNull(EndsWithAnyMatcher.mergeableNeedle(Globs.pattern("*\u2013enc", false)), "non-ASCII");
    }
}
