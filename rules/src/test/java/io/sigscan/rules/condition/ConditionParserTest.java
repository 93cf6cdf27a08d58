package io.sigscan.rules.condition;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionParserTest {

    private static final Expr A = field("a");
    private static final Expr B = field("b");
    private static final Expr C = field("c");
    private static final Expr SEL1 = field("selection1");
    private static final Expr SEL2 = field("selection2");
    private static final Expr FILTER = field("filter_main");
    private static final Expr HIDDEN = field("_hidden");

    private static final Map<String, Expr> IDS = identifiers();

    private static Map<String, Expr> identifiers() {
        Map<String, Expr> ids = new LinkedHashMap<>();
        ids.put("a", A);
        ids.put("b", B);
        ids.put("c", C);
        ids.put("selection1", SEL1);
        ids.put("selection2", SEL2);
        ids.put("filter_main", FILTER);
        ids.put("_hidden", HIDDEN);
        return ids;
    }

    private static Expr field(String name) {
        return new Expr.Match(name, ValueTest.Pattern.exact("x", false));
    }

    private static Expr parse(String condition) {
        return ConditionParser.parse(condition, IDS);
    }

    private static ConditionException failure(String condition) {
        return assertThrows(ConditionException.class, () -> parse(condition));
    }

    @Test
    void singleIdentifierIsItsExpression() {
        assertEquals(A, parse("a"));
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals(new Expr.Or(List.of(A, new Expr.And(List.of(B, C)))), parse("a or b and c"));
        assertEquals(new Expr.Or(List.of(new Expr.And(List.of(A, B)), C)), parse("a and b or c"));
    }

    @Test
    void notBindsTighterThanAnd() {
        assertEquals(new Expr.And(List.of(new Expr.Not(A), B)), parse("not a and b"));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertEquals(new Expr.And(List.of(A, new Expr.Or(List.of(B, C)))), parse("a and (b or c)"));
        assertEquals(new Expr.Not(new Expr.Or(List.of(A, B))), parse("not (a or b)"));
    }

    @Test
    void chainsOfTheSameOperatorAreOneNode() {
        assertEquals(new Expr.And(List.of(A, B, C)), parse("a and b and c"));
        assertEquals(new Expr.Or(List.of(A, B, C)), parse("a or b or c"));
    }

    @Test
    void doubleNegationIsKept() {
        assertEquals(new Expr.Not(new Expr.Not(A)), parse("not not a"));
    }

    @Test
    void keywordsIgnoreCase() {
        assertEquals(new Expr.Or(List.of(A, new Expr.And(List.of(B, new Expr.Not(C))))), parse("a OR b And NOT c"));
        assertEquals(new Expr.And(List.of(SEL1, SEL2)), parse("ALL OF selection*"));
    }

    @Test
    void oneOfPatternIsOrOfMatchingIdentifiersInRuleOrder() {
        assertEquals(new Expr.Or(List.of(SEL1, SEL2)), parse("1 of selection*"));
    }

    @Test
    void allOfPatternIsAndOfMatchingIdentifiers() {
        assertEquals(new Expr.And(List.of(SEL1, SEL2)), parse("all of selection*"));
    }

    @Test
    void anyOfIsASynonymOfOneOf() {
        assertEquals(new Expr.Or(List.of(SEL1, SEL2)), parse("any of selection*"));
    }

    @Test
    void patternMatchingOneIdentifierIsThatIdentifier() {
        assertEquals(FILTER, parse("1 of filter_*"));
        assertEquals(A, parse("all of a"));
    }

    @Test
    void wildcardMayStandAnywhereInThePattern() {
        assertEquals(new Expr.Or(List.of(SEL1, SEL2)), parse("1 of sel*tion*"));
        assertEquals(FILTER, parse("1 of *_main"));
    }

    @Test
    void themExcludesIdentifiersStartingWithUnderscore() {
        assertEquals(new Expr.Or(List.of(A, B, C, SEL1, SEL2, FILTER)), parse("1 of them"));
        assertEquals(new Expr.And(List.of(A, B, C, SEL1, SEL2, FILTER)), parse("all of them"));
    }

    @Test
    void patternsAlsoExcludeIdentifiersStartingWithUnderscore() {
        ConditionException error = failure("1 of _hid*");
        assertEquals(5, error.offset());
        assertEquals("'1 of _hid*' matches no search identifier (those starting with '_' are excluded); the detection "
                + "defines a, b, c, selection1, selection2, filter_main, _hidden", error.getMessage());
        assertEquals(HIDDEN, parse("_hidden"));
    }

    @Test
    void selectorCombinesWithNotAndOperators() {
        assertEquals(new Expr.And(List.of(new Expr.Or(List.of(SEL1, SEL2)), new Expr.Not(FILTER))),
                parse("1 of selection* and not 1 of filter*"));
    }

    @Test
    void whitespaceIncludingNewlinesSeparatesTokens() {
        assertEquals(new Expr.And(List.of(A, B)), parse("  a\n\tand   b  "));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "selektion             | 0  | unknown search identifier 'selektion'; the detection defines a, b, c, selection1, selection2, filter_main, _hidden",
            "a and                 | 5  | expected a search identifier, 'not', '(' or 'x of pattern', found the end of the condition",
            "a and or b            | 6  | expected a search identifier, 'not', '(' or 'x of pattern', found 'or'",
            "(a or b               | 7  | expected ')' to close the '(' at column 1, found the end of the condition",
            "a or b)               | 6  | unbalanced ')': no '(' is open",
            "a b                   | 2  | unexpected 'b' after a complete expression; join expressions with 'and' or 'or'",
            "1 of nothing*         | 5  | '1 of nothing*' matches no search identifier (those starting with '_' are excluded); the detection defines a, b, c, selection1, selection2, filter_main, _hidden",
            "selection*            | 0  | wildcard pattern 'selection*' is only allowed after '1 of' or 'all of'",
            "all of                | 6  | expected 'them' or an identifier pattern after 'all of', found the end of the condition",
            "a and ()              | 7  | expected a search identifier, 'not', '(' or 'x of pattern', found ')'",
            "a = b                 | 2  | unexpected character '=' in condition; expected search identifiers, 'and', 'or', 'not', 'x of pattern' and parentheses",
            "\"\"                  | 0  | expected a search identifier, 'not', '(' or 'x of pattern', found the end of the condition",
    })
    void malformedConditionsNameTheOffendingTokenAndItsOffset(String condition, int offset, String message) {
        ConditionException error = failure(condition);
        assertEquals(ConditionException.CONDITION, error.kind());
        assertEquals(offset, error.offset());
        assertEquals(message, error.getMessage());
    }

    @Test
    void themWithOnlyUnderscoreIdentifiersIsAnError() {
        Map<String, Expr> hiddenOnly = Map.of("_x", A);
        ConditionException error = assertThrows(ConditionException.class,
                () -> ConditionParser.parse("1 of them", hiddenOnly));
        assertEquals(5, error.offset());
        assertEquals("'1 of them' refers to no search identifier (those starting with '_' are excluded)", error.getMessage());
    }

    @Test
    void aggregationPipeIsLegacySyntaxQuotedWhole() {
        ConditionException error = failure("a and not b | count(TargetUserName) by IpAddress > 10");
        assertEquals(ConditionException.LEGACY_SYNTAX, error.kind());
        assertEquals(12, error.offset());
        assertEquals("aggregation '| count(TargetUserName) by IpAddress > 10' is Sigma 1.0 syntax and not supported; "
                + "express it as a correlation rule", error.getMessage());
    }

    @Test
    void nearPipeIsLegacySyntax() {
        ConditionException error = failure("selection1 | near selection2");
        assertEquals(ConditionException.LEGACY_SYNTAX, error.kind());
        assertEquals(11, error.offset());
    }

    @Test
    void pipeInsideParenthesesIsLegacySyntax() {
        ConditionException error = failure("(a | count() > 5)");
        assertEquals(ConditionException.LEGACY_SYNTAX, error.kind());
        assertEquals(3, error.offset());
    }

    @Test
    void deepNestingIsRejectedNotAStackOverflow() {
        String deep = "(".repeat(100_000) + "a" + ")".repeat(100_000);
        ConditionException error = failure(deep);
        assertEquals(ConditionParser.MAX_NESTING, error.offset());
        assertTrue(error.getMessage().startsWith("condition nests deeper than 64 levels"), error.getMessage());
    }

    @Test
    void sixtyFourLevelsOfNestingAreAccepted() {
        String nested = "(".repeat(63) + "a" + ")".repeat(63);
        assertEquals(A, parse(nested));
    }

    @Test
    void globMatchesWholeNamesOnly() {
        assertTrue(ConditionParser.globMatches("sel*", "selection"));
        assertTrue(ConditionParser.globMatches("*", ""));
        assertTrue(ConditionParser.globMatches("a*b*c", "aXbYc"));
        assertEquals(false, ConditionParser.globMatches("sel", "selection"));
        assertEquals(false, ConditionParser.globMatches("*tion", "selection1"));
        assertEquals(false, ConditionParser.globMatches("a*b*c", "aXbYcZ"));
    }
}
