package io.sigscan.rules.match;

import static io.sigscan.rules.match.Globs.matches;
import static io.sigscan.rules.match.Globs.pattern;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternMatcherTest {

    @ParameterizedTest(name = "''{0}'' {2} ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            cmd.exe              | cmd.exe                | matches
            cmd.exe              | CMD.EXE                | matches
            CMD.exe              | cmd.EXE                | matches
            cmd.exe              | cmd.exe                | matches
            cmd.exe              | cmd.ex                 | misses
            cmd.exe              | cmd.exe2               | misses
            cmd.exe              | xcmd.exe               | misses
            ""                   | ""                     | matches
            ""                   | a                      | misses
            \\cmd.exe*           | \\CMD.EXE /c whoami    | matches
            \\cmd.exe*           | c:\\cmd.exe            | misses
            \\cmd.exe*           | \\cmd.ex               | misses
            *\\cmd.exe           | C:\\Windows\\CMD.exe   | matches
            *\\cmd.exe           | C:\\Windows\\cmd.exe2  | misses
            *\\cmd.exe           | cmd.exe                | misses
            *whoami*             | cmd /c WHOAMI /all     | matches
            *whoami*             | whoami                 | matches
            *whoami*             | who ami                | misses
            *whoami*             | whoam                  | misses
            *                    | ""                     | matches
            *                    | anything               | matches
            a*b*c                | aXXbYYc                | matches
            a*b*c                | abc                    | matches
            a*b*c                | aXXcYYb                | misses
            a?c                  | abc                    | matches
            a?c                  | ac                     | misses
            a?c                  | abbc                   | misses
            ???                  | abc                    | matches
            ???                  | ab                     | misses
            *.exe?               | evil.exe1              | matches
            **a**                | xax                    | matches
            """)
    void caseInsensitivePatternsMatchWholeValuesFoldingAscii(String glob, String value, String expected) {
        assertEquals(expected.equals("matches"), matches(ValueMatcher.forTest(pattern(glob, false)), value));
    }

    @ParameterizedTest(name = "''{0}'' {2} ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Ä                    | ä                      | matches
            ä                    | Ä                      | matches
            *Ä*                  | xxäxx                  | matches
            *Ä                   | xxä                    | matches
            Ä*                   | äxx                    | matches
            straße               | STRAßE                 | matches
            ΣΟΦΙΑ                | σοφια                  | matches
            i                    | İ                      | matches
            İ                    | I                      | matches
            *i*                  | xİx                    | matches
            *ik                  | xİK                    | matches
            ik*                  | İKx                    | matches
            ik                   | İK                     | matches
            k                    | K                      | matches
            ik                   | iK                     | matches
            *ⱥ*                  | xȺx                    | matches
            ⱥ                    | Ⱥ                      | matches
            ä                    | a                      | misses
            *ä*                  | xaxx                   | misses
            é                    | e                      | misses
            ?                    | ä                      | matches
            ?                    | 😀                     | matches
            ??                   | 😀                     | misses
            a?c                  | a€c                    | matches
            a?c                  | a😀c                   | matches
            *–enc*               | powershell –ENC abc    | matches
            *–enc*               | powershell -enc abc    | misses
            """)
    void nonAsciiValuesFoldCodePointByCodePoint(String glob, String value, String expected) {
        assertEquals(expected.equals("matches"), matches(ValueMatcher.forTest(pattern(glob, false)), value));
    }

    @ParameterizedTest(name = "cased ''{0}'' {2} ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            cmd.exe              | cmd.exe                | matches
            cmd.exe              | CMD.exe                | misses
            Cmd*                 | Cmd.exe                | matches
            Cmd*                 | cmd.exe                | misses
            *Exe                 | cmd.Exe                | matches
            *Exe                 | cmd.exe                | misses
            *Exe*                | a.Exe.b                | matches
            *Exe*                | a.exe.b                | misses
            Ä?                   | Äx                     | matches
            Ä?                   | äx                     | misses
            a?c                  | a😀c                   | matches
            """)
    void casedPatternsCompareExactCodePoints(String glob, String value, String expected) {
        assertEquals(expected.equals("matches"), matches(ValueMatcher.forTest(pattern(glob, true)), value));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            cmd.exe    | ExactMatcher
            cmd*       | PrefixMatcher
            *cmd       | SuffixMatcher
            *cmd*      | ContainsMatcher
            ***cmd**   | ContainsMatcher
            *          | AnyValueMatcher
            a*b        | GlobMatcher
            a?         | GlobMatcher
            *>?%TEMP%* | LiteralGuardedMatcher
            a?Ä*bc     | LiteralGuardedMatcher
            a?Ä*b      | GlobMatcher
            *Ä*        | NonAsciiNeedleMatcher
            """)
    void patternShapeChoosesTheSpecialisedMatcher(String glob, String matcherClass) {
        assertEquals(matcherClass, ValueMatcher.forTest(pattern(glob, false)).getClass().getSimpleName());
    }

    @ParameterizedTest(name = "''{0}'' misses malformed bytes")
    @CsvSource(delimiter = '|', textBlock = """
            a
            *a*
            a*
            *a
            ?
            a?b
            """)
    void malformedUtf8NeverMatchesALiteralAndCountsOneByteAsOneCharacter(String glob) {
        byte[] strayContinuation = {(byte) 0x80};
        byte[] truncated = {'a', (byte) 0xE2, (byte) 0x84};
        ValueMatcher matcher = ValueMatcher.forTest(pattern(glob, false));
        assertEquals(glob.equals("?"), matches(matcher, strayContinuation));
        boolean truncatedMatches = glob.equals("*a*") || glob.equals("a*");
        assertEquals(truncatedMatches, matches(matcher, truncated));
    }

    @org.junit.jupiter.api.Test
    void questionMarkConsumesAMalformedByteAsOneCharacter() {
        ValueMatcher matcher = ValueMatcher.forTest(pattern("a??", false));
        assertEquals(true, matches(matcher, new byte[] {'a', (byte) 0xE2, (byte) 0x84}));
        assertEquals(false, matches(matcher, "a€".getBytes(StandardCharsets.UTF_8)));
    }

    /** Matchers read values unchecked once the range is checked: a range outside the buffer must be refused, not read. */
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            cmd.exe
            \\cmd.exe*
            *\\cmd.exe
            *whoami*
            a?c
            *
            """)
    void aRangeOutsideTheBufferIsRefusedBeforeAnyByteIsRead(String glob) {
        ValueMatcher matcher = ValueMatcher.forTest(pattern(glob, false));
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[16]);
        assertThrows(IndexOutOfBoundsException.class,
                () -> matcher.matches(buffer, 10, 7));
        assertThrows(IndexOutOfBoundsException.class,
                () -> matcher.matches(buffer, -1, 4));
        assertThrows(IndexOutOfBoundsException.class,
                () -> matcher.matches(buffer, 4, -1));
        assertDoesNotThrow(() -> matcher.matches(buffer, 10, 6));
    }
}
