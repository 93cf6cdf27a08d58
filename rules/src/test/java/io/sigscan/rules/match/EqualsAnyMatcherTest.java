package io.sigscan.rules.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.ir.ValueTest;

/**
 * The merged matcher against the plain-value matchers it replaces, OR-ed one by one, on random
 * needles and values over an alphabet with case-folding traps ('İ', 'ı', 'ſ', the Kelvin sign).
 */
class EqualsAnyMatcherTest {
    private static final String[] ALPHABET = {"a", "A", "i", "I", "k", "K", "s", "S", "İ", "ı", "ſ", "\u212A", "ä", "\\", ".", "–"};
    private static final String[] NEEDLE_ALPHABET = {"a", "A", "i", "I", "k", "s", "\\", "."};

    @Test
    void agreesWithThePlainValueMatchersItMerges() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            List<ValueTest> tests = new ArrayList<>();
            List<ValueMatcher> singles = new ArrayList<>();
            for (int n = 1 + random.nextInt(40); n > 0; n--) {
                ValueTest test = Globs.pattern(Globs.randomText(random, NEEDLE_ALPHABET, 1 + random.nextInt(4)), false);
                tests.add(test);
                singles.add(ValueMatcher.forTest(test));
            }
            ValueMatcher merged = EqualsAnyMatcher.of(tests);
            for (int v = 0; v < 20; v++) {
                String value = Globs.randomText(random, ALPHABET, random.nextInt(6));
                boolean expected = singles.stream().anyMatch(single -> Globs.matches(single, value));
                assertEquals(expected, Globs.matches(merged, value), () -> tests + " on '" + value + "'");
            }
        }
    }

    @Test
    void findsAPortAmongMany() {
        List<ValueTest> tests = new ArrayList<>();
        for (String port : List.of("4444", "666", "8443", "65535")) {
            tests.add(Globs.pattern(port, false));
        }
        ValueMatcher merged = EqualsAnyMatcher.of(tests);
        assertEquals(true, Globs.matches(merged, "4444"));
        assertEquals(false, Globs.matches(merged, "44444"));
        assertEquals(false, Globs.matches(merged, "444"));
        assertEquals(false, Globs.matches(merged, ""));
    }

    @Test
    void findsAFileNameInAnyCase() {
        List<ValueTest> tests = List.of(Globs.pattern("PowerShell.EXE", false), Globs.pattern("pwsh.dll", false),
                Globs.pattern("powershell_ise.EXE", false));
        ValueMatcher merged = EqualsAnyMatcher.of(tests);
        assertEquals(true, Globs.matches(merged, "POWERSHELL.exe"));
        assertEquals(true, Globs.matches(merged, "PWSH.DLL"));
        assertEquals(false, Globs.matches(merged, "powershell.exe "));
    }

    @Test
    void onlyCaseInsensitiveAsciiPlainValuesAreMergeable() {
        assertEquals("cmd.exe", EqualsAnyMatcher.mergeableNeedle(Globs.pattern("CMD.exe", false)));
        assertNull(EqualsAnyMatcher.mergeableNeedle(Globs.pattern("cmd.exe", true)), "cased");
        assertNull(EqualsAnyMatcher.mergeableNeedle(Globs.pattern("*cmd.exe", false)), "endswith");
        assertNull(EqualsAnyMatcher.mergeableNeedle(Globs.pattern("cmd?exe", false)), "wildcard");
        assertNull(EqualsAnyMatcher.mergeableNeedle(Globs.pattern("", false)), "empty");
        assertNull(EqualsAnyMatcher.mergeableNeedle(Globs.pattern("\u2013enc", false)), "non-ASCII");
    }
}
