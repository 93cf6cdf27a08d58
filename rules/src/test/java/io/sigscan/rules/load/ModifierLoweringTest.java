package io.sigscan.rules.load;

import static io.sigscan.rules.load.RuleTexts.STAR;
import static io.sigscan.rules.load.RuleTexts.detection;
import static io.sigscan.rules.load.RuleTexts.lit;
import static io.sigscan.rules.load.RuleTexts.match;
import static io.sigscan.rules.load.RuleTexts.not;
import static io.sigscan.rules.load.RuleTexts.onlyProblem;
import static io.sigscan.rules.load.RuleTexts.or;
import static io.sigscan.rules.load.RuleTexts.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;
import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.Problem;

/** cidr, comparisons, time parts, fieldref and expand lowered to IR, and the chains pySigma refuses. */
class ModifierLoweringTest {

    private static Location at(int detectionLine, int detectionColumn) {
        return new Location("test.yml", RuleTexts.FIRST_DETECTION_LINE + detectionLine,
                RuleTexts.DETECTION_INDENT + detectionColumn);
    }

    private static String chainError(String key, String value) {
        return onlyProblem(rule("sel:\n    " + key + ": " + value + "\ncondition: sel")).message();
    }

    @Test
    void cidrKeepsTheNetworkForEveryValue() {
        assertEquals(or(new Expr.Match("ip", new ValueTest.Cidr("10.0.0.0/8")), new Expr.Match("ip", new ValueTest.Cidr("fe80::/10"))),
                detection("sel:\n    ip|cidr:\n        - 10.0.0.0/8\n        - fe80::/10\ncondition: sel"));
    }

    @Test
    void malformedNetworkRejectsTheRuleSayingWhy() {
        Problem problem = onlyProblem(rule("sel:\n    ip|cidr: 10.0.0.1/8\ncondition: sel"));
        assertEquals(new Problem(at(1, 14), Problem.Severity.ERROR, "modifier", "'cidr' takes an IPv4 or IPv6 network "
                + "such as 10.0.0.0/8 or fe80::/10: '10.0.0.1/8' has host bits set; write the network address, "
                + "such as 10.0.0.0/8 for 10.1.2.3/8"), problem);
        assertEquals("'cidr' takes an IPv4 or IPv6 network such as 10.0.0.0/8 or fe80::/10: '33' in "
                + "'10.0.0.0/33' is not a prefix length (0-32)", chainError("ip|cidr", "10.0.0.0/33"));
        assertEquals("'cidr' takes an IPv4 or IPv6 network such as 10.0.0.0/8 or fe80::/10: 'intranet' is not an "
                + "IPv4 or IPv6 address", chainError("ip|cidr", "intranet"));
    }

    @Test
    void comparisonsTakeYamlNumbers() {
        assertEquals(new Expr.And(List.of(
                        new Expr.Match("a", new ValueTest.Compare(ValueTest.Comparison.LT, new BigDecimal("10"))),
                        new Expr.Match("b", new ValueTest.Compare(ValueTest.Comparison.GTE, new BigDecimal("2.5"))),
                        new Expr.Match("c", new ValueTest.Compare(ValueTest.Comparison.GT, new BigDecimal("16"))))),
                detection("sel:\n    a|lt: 10\n    b|gte: 2.50\n    c|gt: 0x10\ncondition: sel"));
    }

    @Test
    void comparisonOfAStringIsRefusedAsPySigmaDoes() {
        assertEquals("'gt' takes a number, not the string '10'", chainError("a|gt", "'10'"));
        assertEquals("'lte' takes a finite number, not the float inf", chainError("a|lte", ".inf"));
    }

    @Test
    void timePartsEqualTheirValueOrCompareWhenAComparisonFollows() {
        assertEquals(new Expr.And(List.of(
                        new Expr.Match("t", new ValueTest.TimePart(ValueTest.TimeField.HOUR, ValueTest.Comparison.EQ, 3)),
                        new Expr.Match("u", new ValueTest.TimePart(ValueTest.TimeField.WEEK, ValueTest.Comparison.GTE, 52)))),
                detection("sel:\n    t|hour: 3\n    u|week|gte: 52\ncondition: sel"));
    }

    @Test
    void timePartsTakeWholeNumbers() {
        assertEquals("'hour' takes a whole number, not the float 3.5", chainError("t|hour", "3.5"));
        assertEquals("'day' takes a number, not the string 'monday'", chainError("t|day", "monday"));
    }

    @Test
    void fieldrefComparesTwoFieldsWithPositionAndCase() {
        assertEquals(new Expr.And(List.of(
                        new Expr.FieldRef("TargetFilename", "Image", Expr.Position.EQUALS, false),
                        new Expr.FieldRef("CommandLine", "Image", Expr.Position.CONTAINS, false),
                        new Expr.FieldRef("User", "ParentUser", Expr.Position.ENDSWITH, true))),
                detection("sel:\n    TargetFilename|fieldref: Image\n    CommandLine|fieldref|contains: Image\n"
                        + "    User|cased|fieldref|endswith: ParentUser\ncondition: sel"));
    }

    @Test
    void neqOfAFieldrefIsItsNegation() {
        assertEquals(not(new Expr.FieldRef("a", "b", Expr.Position.EQUALS, false)),
                detection("sel:\n    a|fieldref|neq: b\ncondition: sel"));
    }

    @Test
    void fieldrefTakesAPlainFieldName() {
        assertEquals("'fieldref' takes the name of another field, without wildcards, not the string 'Ima*'",
                chainError("a|fieldref", "'Ima*'"));
        assertEquals("'fieldref' must come before 'contains': a field name has no wildcards (in 'a|contains|fieldref')",
                chainError("a|contains|fieldref", "b"));
        assertEquals("'cased' must come before 'fieldref' (in 'a|fieldref|cased')", chainError("a|fieldref|cased", "b"));
        assertEquals("'fieldref' needs a field name (in '|fieldref')", chainError("'|fieldref'", "b"));
    }

    @Test
    void chainsPySigmaRefusesAreRefusedAtTheModifier() {
        Problem problem = onlyProblem(rule("sel:\n    a|contains|cidr: 10.0.0.0/8\ncondition: sel"));
        assertEquals(new Problem(at(1, 16), Problem.Severity.ERROR, "modifier",
                "'cidr' takes the value as written, so it cannot follow 'contains' (in 'a|contains|cidr')"), problem);
        assertEquals("'contains' cannot be combined with 'cidr' (in 'a|cidr|contains')", chainError("a|cidr|contains", "x"));
        assertEquals("'re' takes the value as written, so it cannot follow 'cased' (in 'a|cased|re')", chainError("a|cased|re", "x"));
        assertEquals("'hour' cannot be combined with 'gt' (in 'a|gt|hour')", chainError("a|gt|hour", "1"));
        assertEquals("'lt' compares numbers, so it cannot follow 'gt' (in 'a|gt|lt')", chainError("a|gt|lt", "1"));
        assertEquals("'minute' cannot be combined with 'hour' (in 'a|hour|minute')", chainError("a|hour|minute", "1"));
        assertEquals("'lt' compares numbers, so it cannot follow 'contains' (in 'a|contains|lt')", chainError("a|contains|lt", "1"));
        assertEquals("'base64' cannot be combined with 'expand' (in 'a|expand|base64')", chainError("a|expand|base64", "x"));
    }

    @Test
    void expandReplacesAPlaceholderByEachValue() {
        Placeholders values = Placeholders.parse("values.yml", "admins:\n  - alice\n  - 'svc_*'\nport: 445\n");
        var result = RuleLoader.defaults().withPlaceholders(values).load("test.yml", rule(
                "sel:\n    User|contains|expand: '%admins%'\n    Port|expand: '%port%'\n    Path|expand: 'C:\\%%port%\\%'\n"
                        + "condition: sel"));
        assertEquals(List.of(), result.problems());
        assertEquals(new Expr.And(List.of(
                        or(match("User", STAR, lit("alice"), STAR), match("User", STAR, lit("svc_"), STAR)),
                        match("Port", lit("445")),
                        match("Path", lit("C:%445%")))),
                result.rules().get(0).detection());
    }

    @Test
    void placeholderWithoutValueRejectsTheRuleNamingBoth() {
        Problem problem = onlyProblem(rule("sel:\n    User|expand: '%admins%'\ncondition: sel"));
        assertEquals(new Problem(at(1, 18), Problem.Severity.ERROR, "placeholder", "rule 'Test rule' uses placeholder "
                + "'%admins%', which has no value; give it in a placeholders file"), problem);
    }

    @Test
    void percentSignsAroundANonWordAreLiteralWithAWarning() {
        var result = RuleTexts.load(rule("sel:\n    User|expand: '%DC-NAME%'\ncondition: sel"));
        assertEquals(1, result.rules().size());
        assertEquals(match("User", lit("%DC-NAME%")), result.rules().get(0).detection());
        assertEquals(List.of(new Problem(at(1, 18), Problem.Severity.WARNING, "placeholder", "'expand' finds no placeholder "
                + "in '%DC-NAME%'; placeholder names are letters, digits and '_' between '%' signs, so it is matched "
                + "as written")), result.problems());
    }

    @Test
    void placeholdersFileProblemsAreLocated() {
        Placeholders values = Placeholders.parse("values.yml", "ok: [a]\nempty: []\nnested:\n  - {a: b}\n");
        assertEquals(List.of("values.yml:2:8: error: placeholder 'empty' has an empty list; give at least one value [placeholder]",
                "values.yml:4:5: error: a value of placeholder 'nested' is a mapping; values are strings or numbers [placeholder]"),
                values.problems().stream().map(Problem::toString).toList());
        assertEquals(1, values.size());
        assertEquals("values.yml:1:1: error: a placeholders file is one YAML mapping from placeholder name to a value "
                + "or a list of values [placeholder]", Placeholders.parse("values.yml", "- a\n").problems().get(0).toString());
    }
}
