package io.sigscan.rules.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.sigscan.rules.ir.ValueTest;

/**
 * The lazy DFA in front of RE2J answers as RE2J's own search does ({@code Matcher.find}), on
 * the constructs where a DFA could go wrong: empty-width assertions, case folding, newlines,
 * empty matches, state overflow, bytes outside ASCII. {@link CorpusRegexesTest} runs every
 * SigmaHQ regex the same way.
 */
class LazyDfaTest {
    private static final String[] PATTERNS = {
        "^ab$", "^$", "", "a*", "b$", "^", "$", "\\bnet\\b", "\\Bet\\B", "(?m)^b$", "(?m)a$", "(?s)a.b", "a.b",
        "(?i)WhoAmI", "(?i)[k-m]ill", "x|^y|z$", "(^a|b$)\\b", "\\s[a-fA-F0-9]{4}\\s[a-fA-F0-9]{2}",
        "\\\\[a-zA-Z0-9]{1,8}\\.[a-zA-Z0-9]{1,3}\\.[ \"']{1}", ".{10,}", "(a|b)*a(a|b){12}", "[^a-z]+$",
        "cmd.{0,5}(?:/c|/r).+powershell", "\\d+\\.\\d+", "(?i)(set).*&&\\s?set.*&&.*\""
    };
    private static final String[] VALUES = {
        "", "a", "ab", "abc", "b", "\n", "a\nb", "b\n", "net", "net user", "xnetx", " net ", "cabbage", "Kill",
        "WHOAMI /all", "cmd /c powershell -nop", "cmd.exe /r x powershell", "C:\\dir\\run.exe.dll ", "C:\\x\\a.b.'",
        "x 12ab 3f", " dead be", "1.2", "..", "SET a&& set b && \"", "y", "zz", "a\tb", "0123456789", "ABC-def",
        "aaaaaaaaaaaaaaaaaaab", "babababababababababa",
    };

    private static RegexMatcher matcher(String pattern) {
        ValueMatcher matcher = ValueMatcher.forTest(new ValueTest.Regex(pattern, false, false, false));
        return (RegexMatcher) (matcher instanceof LiteralGuardedMatcher guarded ? guarded.guarded() : matcher);
    }

    /** Whether the DFA's answer, when it gives one, is RE2J's; returns whether it gave one. */
    static boolean agrees(RegexMatcher matcher, String value, String context) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        boolean expected = matcher.findWithMatcher(bytes);
        int dfa = matcher.searchWithDfa(buffer, 0, bytes.length);
        if (dfa != LazyDfa.GAVE_UP) {
            assertEquals(expected, dfa == LazyDfa.MATCH, context + " on '" + value.replace("\n", "\\n") + "'");
        }
        assertEquals(expected, matcher.matches(buffer, 0, bytes.length), context + " (matcher) on '" + value + "'");
        return dfa != LazyDfa.GAVE_UP;
    }

    @Test
    void answersAsRe2jOnAssertionsFoldingAndNewlines() {
        int decided = 0;
        int asked = 0;
        for (String pattern : PATTERNS) {
            RegexMatcher matcher = matcher(pattern);
            for (String value : values(pattern)) {
                asked++;
                if (agrees(matcher, value, "/" + pattern + "/")) {
                    decided++;
                }
            }
        }
        assertTrue(decided > asked * 9 / 10, "the DFA decided only " + decided + " of " + asked);
    }

    /** The fixed values, and random strings over the pattern's own characters and a few others. */
    static List<String> values(String pattern) {
        List<String> values = new ArrayList<>(List.of(VALUES));
        String alphabet = pattern.replaceAll("[\\\\^$()|?*+{}\\[\\]]", "") + "ab \n\t.\"'/\\-_0Z";
        Random random = new Random(pattern.hashCode());
        for (int i = 0; i < 300; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(i < 200 ? 24 : 120);
            for (int k = 0; k < length; k++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(value.toString());
        }
        return values;
    }

    @Test
    void bytesOutsideAsciiAreLeftToRe2j() {
        RegexMatcher matcher = matcher("(?i)straße|^.$");
        for (String value : new String[] {"STRASSE", "Straße", "ß", "é", "e"}) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            boolean ascii = value.chars().allMatch(c -> c < 0x80);
            assertEquals(!ascii, matcher.searchWithDfa(new UnsafeBuffer(bytes), 0, bytes.length) == LazyDfa.GAVE_UP, value);
            agrees(matcher, value, "non-ASCII");
        }
    }

    /** A pattern whose DFA needs thousands of states: searches overflow, give up, and RE2J answers. */
    @Test
    void aBlownUpDfaGivesUpAndRe2jAnswers() {
        RegexMatcher matcher = matcher("(a|b)*a(a|b){14}$");
        Random random = new Random(7);
        int gaveUp = 0;
        for (int i = 0; i < 60; i++) {
            StringBuilder value = new StringBuilder();
            for (int k = 0; k < 400; k++) {
                value.append(random.nextBoolean() ? 'a' : 'b');
            }
            if (!agrees(matcher, value.toString(), "blow-up")) {
                gaveUp++;
            }
        }
        assertTrue(gaveUp > 0, "400 random bytes over (a|b)*a(a|b){14}$ with a match only at the end should need more than " + LazyDfa.MAX_STATES + " states");
    }
}
