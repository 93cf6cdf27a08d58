package io.sigscan.rules.load;

import io.sigscan.rules.ir.ValueTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.sigscan.rules.load.RuleTexts.STAR;
import static io.sigscan.rules.load.RuleTexts.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sigma's escaping of wildcards and backslashes, as the spec and pySigma define it. */
class SigmaStringsTest {

    /** Parts rendered with {@code <*>} and {@code <?>} for wildcards and literal text as is. */
    private static String render(List<ValueTest.Part> parts) {
        StringBuilder text = new StringBuilder();
        for (ValueTest.Part part : parts) {
            if (part instanceof ValueTest.Literal literal) {
                text.append(literal.text());
            } else {
                text.append(part instanceof ValueTest.AnyString ? "<*>" : "<?>");
            }
        }
        return text.toString();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // rule text            | parts
            "\\node.exe             | \\node.exe",          // backslash before a letter is literal
            "C:\\Windows\\System32  | C:\\Windows\\System32",
            "a*b                    | a<*>b",
            "a?b                    | a<?>b",
            "\\*                    | *",                    // escaped star is a literal star
            "\\?                    | ?",
            "\\\\                   | \\",                   // two backslashes are one
            "\\\\*                  | \\<*>",                // escaped backslash, then a wildcard
            "\\\\\\*                | \\*",                  // escaped backslash, escaped star
            "\\\\\\                 | \\\\",                 // three backslashes: two
            "\\\\\\\\               | \\\\",                 // four backslashes: two
            "abc\\                  | abc\\",                // trailing backslash is literal
            "C:\\Windows\\*         | C:\\Windows*",         // a trap the spec keeps: \\* escapes the star
            "C:\\\\Windows\\\\*     | C:\\Windows\\<*>",
            "**                     | <*><*>",
            "\"\"                   | \"\"",
            "%name%                 | %name%",
    })
    void escapingTable(String ruleText, String expected) {
        assertEquals(expected, render(SigmaStrings.parse(ruleText)));
    }

    @Test
    void normaliseMergesLiteralsAndCollapsesStars() {
        assertEquals(List.of(STAR, lit("ab"), STAR),
                SigmaStrings.normalise(List.of(STAR, STAR, lit("a"), lit("b"), STAR)));
    }

    @Test
    void starsAreAddedOnlyWhereMissing() {
        assertEquals(List.of(STAR, lit("a")), SigmaStrings.withLeadingStar(List.of(STAR, lit("a"))));
        assertEquals(List.of(STAR), SigmaStrings.withTrailingStar(SigmaStrings.withLeadingStar(List.of())));
    }
}
