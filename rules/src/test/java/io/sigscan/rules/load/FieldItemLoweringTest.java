package io.sigscan.rules.load;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;
import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sigscan.rules.load.RuleTexts.QUESTION;
import static io.sigscan.rules.load.RuleTexts.STAR;
import static io.sigscan.rules.load.RuleTexts.and;
import static io.sigscan.rules.load.RuleTexts.casedMatch;
import static io.sigscan.rules.load.RuleTexts.detection;
import static io.sigscan.rules.load.RuleTexts.keyword;
import static io.sigscan.rules.load.RuleTexts.lit;
import static io.sigscan.rules.load.RuleTexts.load;
import static io.sigscan.rules.load.RuleTexts.match;
import static io.sigscan.rules.load.RuleTexts.not;
import static io.sigscan.rules.load.RuleTexts.onlyProblem;
import static io.sigscan.rules.load.RuleTexts.or;
import static io.sigscan.rules.load.RuleTexts.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Detection items and their modifiers, lowered to IR; invalid ones reported where they are. */
class FieldItemLoweringTest {

    private static final String SUPPORTED = "contains, startswith, endswith, all, cased, exists, "
            + "re (with i, m, s or ignorecase, multiline, dotall), "
            + "neq, windash, base64, base64offset, utf16le, utf16be, utf16, wide, cidr, lt, lte, gt, gte, "
            + "fieldref, expand, minute, hour, day, week, month, year";

    /** A location given as line and column inside the detection text passed to {@link RuleTexts#rule}. */
    private static Location at(int detectionLine, int detectionColumn) {
        return new Location("test.yml", RuleTexts.FIRST_DETECTION_LINE + detectionLine,
                RuleTexts.DETECTION_INDENT + detectionColumn);
    }

    // --- plain values -------------------------------------------------------------------

    @Test
    void plainStringMatchesTheWholeValueCaseInsensitively() {
        assertEquals(match("Image", lit("C:\\Windows\\cmd.exe")),
                detection("sel:\n    Image: 'C:\\Windows\\cmd.exe'\ncondition: sel"));
    }

    @Test
    void wildcardsInPlainValuesBecomePatternParts() {
        assertEquals(match("Image", STAR, lit("\\cmd"), QUESTION, lit(".exe")),
                detection("sel:\n    Image: '*\\cmd?.exe'\ncondition: sel"));
    }

    @Test
    void mapItemsAreAndedInOrder() {
        assertEquals(and(match("EventID", lit("1")), match("User", lit("SYSTEM"))),
                detection("sel:\n    EventID: 1\n    User: SYSTEM\ncondition: sel"));
    }

    @Test
    void listOfValuesIsOr() {
        assertEquals(or(match("EventID", lit("4688")), match("EventID", lit("1"))),
                detection("sel:\n    EventID:\n        - 4688\n        - 1\ncondition: sel"));
    }

    @Test
    void listOfMapsIsOrOfAnds() {
        assertEquals(or(and(match("a", lit("1")), match("b", lit("2"))), match("c", lit("3"))),
                detection("sel:\n    - a: 1\n      b: 2\n    - c: 3\ncondition: sel"));
    }

    @Test
    void yamlNumbersAndBooleansBecomeTheirPythonText() {
        assertEquals(and(match("a", lit("4688")), match("b", lit("16")), match("c", lit("8")), match("d", lit("1000")),
                        match("e", lit("1.5")), match("f", lit("true")), match("g", lit("false")), match("h", lit("1e3")),
                        match("i", lit("90")), match("j", lit("0x10"))),
                detection("sel:\n    a: 4688\n    b: 0x10\n    c: 010\n    d: 1_000\n    e: 1.50\n    f: yes\n"
                        + "    g: Off\n    h: 1e3\n    i: 1:30\n    j: '0x10'\ncondition: sel"));
    }

    @Test
    void nullValueTestsForAbsenceAndEmptyStringForEmptiness() {
        assertEquals(and(new Expr.IsNull("a"), new Expr.IsNull("b"), match("c")),
                detection("sel:\n    a: null\n    b: ~\n    c: ''\ncondition: sel"));
    }

    // --- keywords -------------------------------------------------------------------------

    @Test
    void listOfPlainValuesIsKeywordsContainedAnywhere() {
        assertEquals(or(keyword(STAR, lit("event::clear"), STAR), keyword(STAR, lit("4688"), STAR)),
                detection("keywords:\n    - 'event::clear'\n    - 4688\ncondition: keywords"));
    }

    @Test
    void bareScalarSearchIdentifierIsAKeyword() {
        assertEquals(keyword(STAR, lit("mimikatz"), STAR), detection("kw: mimikatz\ncondition: kw"));
    }

    @Test
    void keywordWithWildcardAtItsEdgesGetsNoSecondStar() {
        assertEquals(keyword(STAR, lit("evil"), STAR), detection("kw:\n    - '*evil*'\ncondition: kw"));
    }

    @Test
    void barAllKeyIsAndOfKeywords() {
        assertEquals(and(keyword(STAR, lit("OabVirtualDirectory"), STAR), keyword(STAR, lit(" -ExternalUrl "), STAR)),
                detection("kw:\n    '|all':\n        - 'OabVirtualDirectory'\n        - ' -ExternalUrl '\ncondition: kw"));
    }

    @Test
    void keywordModifiersApplyWithoutAField() {
        assertEquals(new Expr.Keyword(new ValueTest.Regex("ab+c", false, false, false)),
                detection("kw:\n    '|re': 'ab+c'\ncondition: kw"));
    }

    // --- contains / startswith / endswith / all / cased -----------------------------------

    @Test
    void containsStartswithEndswithAddStars() {
        assertEquals(and(match("a", STAR, lit("x"), STAR), match("b", lit("x"), STAR), match("c", STAR, lit("x"))),
                detection("sel:\n    a|contains: x\n    b|startswith: x\n    c|endswith: x\ncondition: sel"));
    }

    @Test
    void positionModifiersDoNotDoubleExistingStars() {
        assertEquals(and(match("a", STAR, lit("x"), STAR), match("b", STAR, lit("x"), STAR)),
                detection("sel:\n    a|contains: '*x*'\n    b|endswith: '*x*'\ncondition: sel"));
    }

    @Test
    void allMakesTheListAnAnd() {
        assertEquals(and(match("CommandLine", STAR, lit("-a"), STAR), match("CommandLine", STAR, lit("-b"), STAR)),
                detection("sel:\n    CommandLine|contains|all:\n        - '-a'\n        - '-b'\ncondition: sel"));
    }

    @Test
    void allOnASingleValueIsAWarningOnly() {
        LoadResult result = load(rule("sel:\n    a|all: x\ncondition: sel"));
        assertEquals(List.of(new Problem(at(1, 5), Problem.Severity.WARNING, "modifier",
                "'all' on the single value of 'a|all' has no effect; the spec allows it only on lists")), result.problems());
        assertEquals(1, result.rules().size());
    }

    @Test
    void casedMakesThePatternCaseSensitive() {
        assertEquals(casedMatch("a", STAR, lit("MiXeD"), STAR), detection("sel:\n    a|contains|cased: MiXeD\ncondition: sel"));
    }

    // --- exists / null / neq ------------------------------------------------------------------

    @Test
    void existsTrueAndFalseTestPresence() {
        assertEquals(and(new Expr.Exists("a"), not(new Expr.Exists("b"))),
                detection("sel:\n    a|exists: true\n    b|exists: false\ncondition: sel"));
    }

    @Test
    void existsTakesOnlyBooleans() {
        Problem problem = onlyProblem(rule("sel:\n    a|exists: 'yes'\ncondition: sel"));
        assertEquals(new Problem(at(1, 15), Problem.Severity.ERROR, "modifier",
                "'a|exists' takes true or false, not the string 'yes'"), problem);
    }

    @Test
    void existsCannotCombineWithOtherModifiers() {
        Problem problem = onlyProblem(rule("sel:\n    a|contains|exists: true\ncondition: sel"));
        assertEquals(new Problem(at(1, 16), Problem.Severity.ERROR, "modifier",
                "'exists' cannot be combined with other modifiers (in 'a|contains|exists')"), problem);
    }

    @Test
    void neqNegatesTheWholeItem() {
        assertEquals(not(or(match("a", lit("x")), match("a", lit("y")))),
                detection("sel:\n    a|neq:\n        - x\n        - y\ncondition: sel"));
    }

    @Test
    void neqOfNullIsPresence() {
        assertEquals(not(new Expr.IsNull("a")), detection("sel:\n    a|neq: null\ncondition: sel"));
    }

    @Test
    void nullTakesNoModifiers() {
        Problem problem = onlyProblem(rule("sel:\n    a|contains: null\ncondition: sel"));
        assertEquals(new Problem(at(1, 5), Problem.Severity.ERROR, "modifier",
                "'a|contains' applies 'contains' to null; null takes no modifiers"), problem);
    }

    // --- re -------------------------------------------------------------------------------

    @Test
    void reKeepsTheRawRegexAndItsFlags() {
        assertEquals(and(new Expr.Match("a", new ValueTest.Regex("\\d+\\.exe$", false, false, false)),
                        new Expr.Match("b", new ValueTest.Regex("x.y", true, true, true))),
                detection("sel:\n    a|re: '\\d+\\.exe$'\n    b|re|i|m|s: 'x.y'\ncondition: sel"));
    }

    @Test
    void regexFlagsAlsoGoByPySigmasLongNames() {
        assertEquals(new Expr.Match("a", new ValueTest.Regex("x", true, true, true)),
                detection("sel:\n    a|re|ignorecase|multiline|dotall: x\ncondition: sel"));
    }

    @Test
    void invalidRegexIsReportedAtItsValue() {
        Problem problem = onlyProblem(rule("sel:\n    a|re: 'ab(c'\ncondition: sel"));
        assertEquals(new Problem(at(1, 11), Problem.Severity.ERROR, "regex",
                "invalid regular expression 'ab(c': Unclosed group at index 4"), problem);
    }

    @Test
    void regexFlagWithoutReIsAnError() {
        Problem problem = onlyProblem(rule("sel:\n    a|contains|i: x\ncondition: sel"));
        assertEquals(new Problem(at(1, 16), Problem.Severity.ERROR, "modifier",
                "'i' is a flag of 're' and must follow it (in 'a|contains|i')"), problem);
    }

    @Test
    void reCannotCombineWithStringModifiers() {
        Problem problem = onlyProblem(rule("sel:\n    a|re|contains: x\ncondition: sel"));
        assertEquals(new Problem(at(1, 10), Problem.Severity.ERROR, "modifier",
                "'contains' cannot be combined with 're' (in 'a|re|contains')"), problem);
    }

    // --- chains -----------------------------------------------------------------------------

    @Test
    void twoPositionModifiersAreAnError() {
        Problem problem = onlyProblem(rule("sel:\n    a|contains|startswith: x\ncondition: sel"));
        assertEquals(new Problem(at(1, 16), Problem.Severity.ERROR, "modifier",
                "'startswith' cannot be combined with 'contains' (in 'a|contains|startswith')"), problem);
    }

    @Test
    void repeatedModifierIsAnError() {
        Problem problem = onlyProblem(rule("sel:\n    a|contains|contains: x\ncondition: sel"));
        assertEquals("modifier 'contains' appears twice (in 'a|contains|contains')", problem.message());
    }

    @Test
    void unknownModifierIsQuotedWithItsColumn() {
        Problem problem = onlyProblem(rule("sel:\n    Image|endswith|foo: x\ncondition: sel"));
        assertEquals(new Problem(at(1, 20), Problem.Severity.ERROR, "unknown-modifier",
                "unknown modifier 'foo' in 'Image|endswith|foo'; supported modifiers: " + SUPPORTED), problem);
    }

    @Test
    void modifierNamesAreCaseSensitive() {
        assertEquals("unknown-modifier", onlyProblem(rule("sel:\n    a|Contains: x\ncondition: sel")).kind());
    }

    @Test
    void emptyModifierIsAnError() {
        Problem problem = onlyProblem(rule("sel:\n    a||contains: x\ncondition: sel"));
        assertEquals(new Problem(at(1, 7), Problem.Severity.ERROR, "modifier",
                "empty modifier in 'a||contains'; modifiers are separated by single '|'"), problem);
    }

    // --- value shapes -------------------------------------------------------------------------

    @Test
    void emptyValueListIsAnError() {
        Problem problem = onlyProblem(rule("sel:\n    a|contains: []\ncondition: sel"));
        assertEquals(new Problem(at(1, 17), Problem.Severity.ERROR, "detection",
                "'a|contains' has an empty list of values; give at least one value"), problem);
    }

    @Test
    void nullInsideAValueListIsAnError() {
        Problem problem = onlyProblem(rule("sel:\n    a:\n        - ''\n        - null\ncondition: sel"));
        assertEquals(new Problem(at(3, 11), Problem.Severity.ERROR, "detection",
                "null cannot be part of the list of 'a'; test for null in a search identifier of its own"), problem);
    }

    @Test
    void mappingAsValueIsAnError() {
        Problem problem = onlyProblem(rule("sel:\n    a:\n        b: c\ncondition: sel"));
        assertEquals(new Problem(at(2, 9), Problem.Severity.ERROR, "detection",
                "the value of 'a' is a mapping; give a value or a list of values"), problem);
    }

    @Test
    void everyBadItemOfARuleIsReported() {
        LoadResult result = load(rule("sel:\n    a|foo: x\n    b|bar: y\ncondition: sel"));
        assertEquals(List.of("unknown-modifier", "unknown-modifier"),
                result.problems().stream().map(Problem::kind).toList());
        assertEquals(List.of(), result.rules());
    }

    // --- windash ------------------------------------------------------------------------------

    @Test
    void windashExpandsADashAtAWordStartIntoFiveDashes() {
        Expr expected = or(
                match("CommandLine", STAR, lit(" -enc "), STAR),
                match("CommandLine", STAR, lit(" /enc "), STAR),
                match("CommandLine", STAR, lit(" \u2013enc "), STAR),
                match("CommandLine", STAR, lit(" \u2014enc "), STAR),
                match("CommandLine", STAR, lit(" \u2015enc "), STAR));
        assertEquals(expected, detection("sel:\n    CommandLine|windash|contains: ' -enc '\ncondition: sel"));
    }

    @Test
    void windashLeavesDashesInsideWordsAlone() {
        assertEquals(match("a", lit("x-y")), detection("sel:\n    a|windash: 'x-y'\ncondition: sel"));
    }

    @Test
    void windashExpandsEveryCombinationOfSeveralDashes() {
        Expr item = detection("sel:\n    a|windash: '-a -b'\ncondition: sel");
        assertEquals(25, ((Expr.Or) item).operands().size());
        assertTrue(((Expr.Or) item).operands().contains(match("a", lit("/a \u2014b"))));
    }

    @Test
    void windashTreatsAWildcardAsTheStartOfANewWord() {
        Expr item = detection("sel:\n    a|windash: '*-foo'\ncondition: sel");
        assertEquals(5, ((Expr.Or) item).operands().size());
        assertEquals(match("a", STAR, lit("/foo")), ((Expr.Or) item).operands().get(1));
    }

    @Test
    void windashIgnoresADashBeforeAWildcard() {
        assertEquals(match("a", lit("x -"), STAR), detection("sel:\n    a|windash: 'x -*'\ncondition: sel"));
    }

    @Test
    void windashRefusesValuesThatWouldExplode() {
        Problem problem = onlyProblem(rule("sel:\n    a|windash: '-a -b -c -d -e -f'\ncondition: sel"));
        assertEquals(new Problem(at(1, 16), Problem.Severity.ERROR, "modifier", "'windash' on '-a -b -c -d -e -f' "
                + "would expand more than 5 dashes into 5 variants each; split the value"), problem);
    }

    /** Each value stays under the per-value limit, but together they would be millions of tests. */
    @Test
    void aRuleWhoseValuesTogetherExpandTooFarIsRefusedAtTheValueThatCrossesTheLimit() {
        StringBuilder values = new StringBuilder();
        for (int v = 0; v < 40; v++) {
            values.append("\n        - '-a").append(v).append(" -b -c -d -e'");
        }
        Problem problem = onlyProblem(rule("sel:\n    a|windash|contains:" + values + "\ncondition: sel"));
        // 3,125 tests per value: the 33rd value (line 34 of the detection) crosses 100,000.
        assertEquals(new Problem(at(34, 11), Problem.Severity.ERROR, "detection", "the rule's values expand to more than "
                + FieldItemLowerer.MAX_VALUE_TESTS + " tests by here (windash, base64offset and expand multiply them);"
                + " split the rule"), problem);
        List<Expr> belowTheLimit = ((Expr.Or) detection("sel:\n    a|windash|contains:"
                + values.substring(0, values.indexOf("- '-a32")).stripTrailing() + "\ncondition: sel")).operands();
        assertEquals(32, belowTheLimit.size());
        assertEquals(3125, ((Expr.Or) belowTheLimit.get(31)).operands().size());
    }

    // --- encodings ----------------------------------------------------------------------------

    @Test
    void base64EncodesTheValue() {
        assertEquals(match("a", STAR, lit("aHR0cA=="), STAR), detection("sel:\n    a|base64|contains: http\ncondition: sel"));
    }

    @Test
    void base64offsetGivesPySigmasThreeShiftedForms() {
        assertEquals(or(match("a", STAR, lit("L2Jpbi9iYXNo"), STAR), match("a", STAR, lit("9iaW4vYmFza"), STAR),
                        match("a", STAR, lit("vYmluL2Jhc2"), STAR)),
                detection("sel:\n    a|base64offset|contains: /bin/bash\ncondition: sel"));
    }

    @Test
    void wideThenBase64offsetEncodesUtf16leBytes() {
        assertEquals(or(match("a", STAR, lit("cABpAG4AZw"), STAR), match("a", STAR, lit("AAaQBuAGcA"), STAR),
                        match("a", STAR, lit("wAGkAbgBnA"), STAR)),
                detection("sel:\n    a|wide|base64offset|contains: ping\ncondition: sel"));
    }

    @Test
    void utf16VariantsEncodeBeforeBase64() {
        assertEquals(and(match("a", lit("YwBtAGQA")), match("b", lit("//5jAG0AZAA=")), match("c", lit("AGMAbQBk"))),
                detection("sel:\n    a|utf16le|base64: cmd\n    b|utf16|base64: cmd\n    c|utf16be|base64: cmd\ncondition: sel"));
    }

    @Test
    void wideAloneInterleavesZeroBytes() {
        assertEquals(match("a", STAR, lit("c\0m\0d\0"), STAR), detection("sel:\n    a|wide|contains: cmd\ncondition: sel"));
    }

    @Test
    void base64RefusesWildcards() {
        Problem problem = onlyProblem(rule("sel:\n    a|base64: 'ab*'\ncondition: sel"));
        assertEquals(new Problem(at(1, 15), Problem.Severity.ERROR, "modifier",
                "'base64' cannot encode wildcards in 'ab*'; escape * and ? with a backslash"), problem);
    }

    @Test
    void base64AfterContainsIsAnError() {
        Problem problem = onlyProblem(rule("sel:\n    a|contains|base64: x\ncondition: sel"));
        assertEquals("'base64' must come before 'contains' (in 'a|contains|base64')", problem.message());
    }

    @Test
    void wideRefusesNonAsciiText() {
        Problem problem = onlyProblem(rule("sel:\n    a|wide: 'é'\ncondition: sel"));
        assertEquals("'wide' accepts only ASCII text, not 'é'", problem.message());
    }
}
