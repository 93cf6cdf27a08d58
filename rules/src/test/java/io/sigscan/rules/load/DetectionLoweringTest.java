package io.sigscan.rules.load;

import io.sigscan.rules.ir.Expr;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sigscan.rules.load.RuleTexts.and;
import static io.sigscan.rules.load.RuleTexts.detection;
import static io.sigscan.rules.load.RuleTexts.lit;
import static io.sigscan.rules.load.RuleTexts.load;
import static io.sigscan.rules.load.RuleTexts.match;
import static io.sigscan.rules.load.RuleTexts.not;
import static io.sigscan.rules.load.RuleTexts.or;
import static io.sigscan.rules.load.RuleTexts.rendered;
import static io.sigscan.rules.load.RuleTexts.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The detection section: search identifiers resolved through the condition, errors at their column. */
class DetectionLoweringTest {

    private static final Expr A = match("a", lit("1"));
    private static final Expr B = match("b", lit("2"));

    @Test
    void conditionCombinesSearchIdentifiers() {
        assertEquals(and(A, not(B)), detection("selection:\n    a: 1\nfilter:\n    b: 2\ncondition: selection and not filter"));
    }

    @Test
    void listOfConditionsIsOr() {
        assertEquals(or(A, B), detection("s1:\n    a: 1\ns2:\n    b: 2\ncondition:\n    - s1\n    - s2"));
    }

    @Test
    void unknownIdentifierPointsAtItsColumnInAPlainCondition() {
        LoadResult result = load(rule("sel:\n    a: 1\ncondition: sel and selektion"));
        assertEquals(List.of("test.yml:8:24: error: unknown search identifier 'selektion'; the detection defines sel [condition]"),
                rendered(result));
        assertEquals(List.of(), result.rules());
    }

    @Test
    void columnsInsideAQuotedConditionSkipTheQuote() {
        assertEquals(List.of("test.yml:8:25: error: unknown search identifier 'selektion'; the detection defines sel [condition]"),
                rendered(load(rule("sel:\n    a: 1\ncondition: 'sel and selektion'"))));
    }

    @Test
    void conditionWithEscapesPointsAtTheScalar() {
        assertEquals(List.of("test.yml:8:16: error: unknown search identifier 'selektion'; the detection defines sel [condition]"),
                rendered(load(rule("sel:\n    a: 1\ncondition: \"sel and\\tselektion\""))));
    }

    @Test
    void foldedConditionPointsAtTheScalar() {
        assertEquals(List.of("test.yml:8:16: error: unknown search identifier 'selektion'; the detection defines sel [condition]"),
                rendered(load(rule("sel:\n    a: 1\ncondition: >\n    sel and\n    selektion"))));
    }

    @Test
    void badConditionInAListIsReportedAtItsItem() {
        assertEquals(List.of("test.yml:10:11: error: unknown search identifier 'nope'; the detection defines sel [condition]"),
                rendered(load(rule("sel:\n    a: 1\ncondition:\n    - sel\n    - nope"))));
    }

    @Test
    void conditionThatIsAMappingIsAnError() {
        assertEquals(List.of("test.yml:9:9: error: the condition is a mapping; give a string such as "
                        + "'selection and not filter', or a list of them [condition]"),
                rendered(load(rule("sel:\n    a: 1\ncondition:\n    sel: x"))));
    }

    @Test
    void emptySearchIdentifierIsAnError() {
        assertEquals(List.of("test.yml:6:5: error: search identifier 'sel' is empty; give field mappings, a list of them, "
                        + "or keywords [detection]"),
                rendered(load(rule("sel:\ncondition: sel"))));
    }

    @Test
    void emptyListSearchIdentifierIsAnError() {
        assertEquals(List.of("test.yml:6:10: error: search identifier 'sel' is an empty list; give keywords or field "
                        + "mappings [detection]"),
                rendered(load(rule("sel: []\ncondition: sel"))));
    }

    @Test
    void listNestedInAListIsAnError() {
        assertEquals(List.of("test.yml:7:11: error: search identifier 'sel' holds a list inside a list; its elements must "
                        + "be field mappings or keywords [detection]"),
                rendered(load(rule("sel:\n    - [a, b]\ncondition: sel"))));
    }

    @Test
    void itemErrorsAndConditionErrorsAreAllReported() {
        LoadResult result = load(rule("sel:\n    a|foo: 1\ncondition: sel and other"));
        assertEquals(List.of("unknown-modifier", "condition"),
                result.problems().stream().map(problem -> problem.kind()).toList());
    }

    @Test
    void identifiersStartingWithUnderscoreStayOutOfThem() {
        assertEquals(A, detection("sel:\n    a: 1\n_helper:\n    b: 2\ncondition: 1 of them"));
    }
}
