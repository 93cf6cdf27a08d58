package io.sigscan.rules.match;

import static io.sigscan.rules.match.Globs.matches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.sigscan.rules.ir.ValueTest;

class RegexMatcherTest {

    private static ValueMatcher regex(String pattern, boolean i, boolean m, boolean s) {
        return ValueMatcher.forTest(new ValueTest.Regex(pattern, i, m, s));
    }

    @ParameterizedTest(name = "/{0}/ i={1} m={2} s={3} {5} ''{4}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            whoami              | false | false | false | cmd /c whoami /all    | matches
            WHOAMI              | false | false | false | cmd /c whoami /all    | misses
            WHOAMI              | true  | false | false | cmd /c whoami /all    | matches
            ^cmd                | false | false | false | x cmd                 | misses
            ^b$                 | false | false | false | "a\nb"                | misses
            ^b$                 | false | true  | false | "a\nb"                | matches
            a.b                 | false | false | false | "a\nb"                | misses
            a.b                 | false | false | true  | "a\nb"                | matches
            ^.$                 | false | false | false | 😀                    | matches
            \\\\temp\\\\.*\\.exe | false | false | false | C:\\temp\\x.exe       | matches
            Ä                   | true  | false | false | ä                     | matches
            """)
    void re2RegexesFindAnywhereWithSigmaFlags(String pattern, boolean i, boolean m, boolean s, String value, String expected) {
        String unescaped = value.replace("\\n", "\n");
        ValueMatcher matcher = regex(pattern, i, m, s);
        assertEquals("RegexMatcher", engine(matcher).getClass().getSimpleName());
        assertEquals(expected.equals("matches"), matches(matcher, unescaped));
    }

    /** A dependency update that drops RE2J's internal yes/no search would silently slow every regex: fail here instead. */
    @Test
    void theSearchWithoutCapturesIsInUseAndAgreesWithMatcherFind() {
        assertTrue(RegexMatcher.searchesWithoutCaptures(),
                "RE2J's internal search (RE2.doExecute over MachineInput.fromUTF8) was not found: check the RE2J version");
        String[] patterns = {"-k\\s\\w{1,64}(?:\\s?(?:-p|-s))?", "net\\s+user\\s+", "^cmd", "a.b$", "(?i)(set).*&&\\s?set.*&&.*\"",
            "[\\x{1F600}]", "(a|b)*c"};
        String[] values = {"svchost.exe -k netsvcs -p", "net  user admin x", "cmd /c", "xa\nb", "SET a=1&& set b=invoke&& \"",
            "😀", "ababd", "", "-k"};
        for (String pattern : patterns) {
            for (boolean caseInsensitive : new boolean[] {false, true}) {
                RegexMatcher matcher = (RegexMatcher) engine(regex(pattern, caseInsensitive, false, false));
                for (String value : values) {
                    byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    assertEquals(matcher.findWithMatcher(bytes),
                            matcher.matches(new org.agrona.concurrent.UnsafeBuffer(bytes), 0, bytes.length), pattern + " on " + value);
                }
            }
        }
    }

    /** The copy RE2J reads is reused: what a longer value left behind it must not be searched. */
    @Test
    void aShortValueIsSearchedWithoutWhatALongerOneLeftInTheCopy() {
        RegexMatcher endAnchored = (RegexMatcher) engine(regex("^ab$", false, false, false));
        RegexMatcher suffix = (RegexMatcher) engine(regex("b$", false, false, false));
        RegexMatcher longer = (RegexMatcher) engine(regex("abc", false, false, false));
        for (String value : new String[] {"abcdefgh", "ab", "abX", "ab", "abcab", "a"}) {
            byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            org.agrona.concurrent.UnsafeBuffer buffer = new org.agrona.concurrent.UnsafeBuffer(bytes);
            assertEquals(value.equals("ab"), endAnchored.matches(buffer, 0, bytes.length), value);
            assertEquals(value.endsWith("b"), suffix.matches(buffer, 0, bytes.length), value);
            assertEquals(value.contains("abc"), longer.matches(buffer, 0, bytes.length), value);
        }
    }

    /** Each thread searches with its own automaton: threads sharing a matcher never see each other's state. */
    @Test
    void threadsSharingAMatcherGetTheirOwnAnswers() throws Exception {
        RegexMatcher matcher = (RegexMatcher) engine(regex("net\\s+user\\s+\\w+$", true, false, false));
        String[] values = {"NET  USER admin", "net user", "cmd /c net user bob", "net user bob x", "net\tuser\tx"};
        boolean[] expected = {true, false, true, false, true};
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> wrong = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                final int shift = t;
                wrong.add(pool.submit(() -> {
                    int mistakes = 0;
                    for (int i = 0; i < 20_000; i++) {
                        int v = (i + shift) % values.length;
                        byte[] bytes = values[v].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        if (matcher.matches(new org.agrona.concurrent.UnsafeBuffer(bytes), 0, bytes.length) != expected[v]) {
                            mistakes++;
                        }
                    }
                    return mistakes;
                }));
            }
            for (java.util.concurrent.Future<Integer> mistakes : wrong) {
                assertEquals(0, mistakes.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Values longer than the inputs kept per length are searched too, and a short one after them alone. */
    @Test
    void longValuesAreSearchedWholeAndLeaveNothingBehind() {
        RegexMatcher tail = (RegexMatcher) engine(regex("x{3}$", false, false, false));
        String longValue = "a".repeat(10_000) + "xxx";
        for (String value : new String[] {longValue, "a".repeat(5_000), "xxx", "xx", longValue + "a"}) {
            byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(value.endsWith("xxx"), tail.matches(new org.agrona.concurrent.UnsafeBuffer(bytes), 0, bytes.length),
                    value.length() + " bytes");
        }
    }

    /** The engine behind the literal guard, if there is one. */
    private static ValueMatcher engine(ValueMatcher matcher) {
        return matcher instanceof LiteralGuardedMatcher guarded ? guarded.guarded() : matcher;
    }

    @ParameterizedTest(name = "/{0}/ i={1} on ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            kill               | true  | \u212Aill -9
            kill               | true  | KILL -9
            kill               | false | KILL -9
            whoami\\s+/all     | true  | WhoAmI  /ALL
            whoami\\s+/all     | true  | who ami /all
            \\.exe$            | false | a.EXE
            (?i)lsass\\.exe    | false | LSASS.EXE
            """)
    void theLiteralGuardNeverChangesTheAnswer(String pattern, boolean i, String value) {
        ValueMatcher matcher = regex(pattern, i, false, false);
        assertTrue(matcher instanceof LiteralGuardedMatcher, "the pattern requires literal text");
        assertEquals(matches(engine(matcher), value), matches(matcher, value));
    }

    @Test
    void lookaroundFallsBackToJavaRegex() {
        ValueMatcher matcher = regex("foo(?!bar)", false, false, false);
        assertEquals("BudgetedRegexMatcher", engine(matcher).getClass().getSimpleName());
        assertTrue(matches(matcher, "foobaz"));
        assertFalse(matches(matcher, "foobar"));
        assertEquals(0, matcher.budgetExhaustions());
    }

    @Test
    void backreferencesFallBackToJavaRegexCaseInsensitively() {
        ValueMatcher matcher = regex("(ab)\\1", true, false, false);
        assertTrue(matches(matcher, "xABabx"));
        assertFalse(matches(matcher, "xabbax"));
    }

    @Test
    void catastrophicBacktrackingStopsAtTheBudgetAndIsCounted() {
        ValueMatcher matcher = regex("^(a+)+\\1$", false, false, false);
        String hostile = "a".repeat(40) + "!";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertFalse(matches(matcher, hostile)));
        assertEquals(1, matcher.budgetExhaustions());
        assertTrue(matches(matcher, "aaaa"));
        assertEquals(1, matcher.budgetExhaustions());
    }

    @Test
    void aRegexNoEngineAcceptsIsRefusedQuotingThePattern() {
        UnsupportedPatternException refusal = assertThrows(UnsupportedPatternException.class,
                () -> regex("a(b", false, false, false));
        assertEquals("regular expression 'a(b' is accepted neither by RE2J (missing closing )) nor by "
                + "java.util.regex (Unclosed group near index 3)", refusal.getMessage());
    }

    /** Nested counts multiply RE2J's program, and every search costs its size per byte: bounded. */
    @Test
    void aRegexWhoseProgramIsTooLargeIsRefusedAndOneJustBelowIsNot() {
        UnsupportedPatternException refusal = assertThrows(UnsupportedPatternException.class,
                () -> regex("x(a{1000}){1000}", false, false, false));
        assertTrue(refusal.getMessage().startsWith("regular expression 'x(a{1000}){1000}' compiles to "), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("instructions, more than the " + RegexMatchers.MAX_PROGRAM_INSTRUCTIONS),
                refusal.getMessage());
        assertTrue(RegexMatcher.programSize(com.google.re2j.Pattern.compile("x(a{1000}){1000}")) > RegexMatchers.MAX_PROGRAM_INSTRUCTIONS);
        int justBelow = RegexMatcher.programSize(com.google.re2j.Pattern.compile("x(a{100}){100}"));
        assertTrue(justBelow > 10_000 && justBelow < RegexMatchers.MAX_PROGRAM_INSTRUCTIONS, "size " + justBelow);
        assertTrue(matches(regex("x(a{100}){100}", false, false, false), "x" + "a".repeat(10_000)));
    }

    @Test
    void malformedUtf8IsSearchedWithoutFailing() {
        ValueMatcher matcher = regex("b", false, false, false);
        assertTrue(matches(matcher, new byte[] {(byte) 0xFF, 'b'}));
        assertFalse(matches(matcher, new byte[] {(byte) 0xFF, 'c'}));
    }
}
