package io.sigscan.rules.load;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;
import io.sigscan.rules.model.Problem;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Builds rule texts and IR values for the loading tests. */
final class RuleTexts {

    /** The line of the first detection line in {@link #rule(String)} texts. */
    static final int FIRST_DETECTION_LINE = 6;
    /** How far {@link #rule(String)} indents the detection text. */
    static final int DETECTION_INDENT = 4;

    private RuleTexts() {
    }

    /**
     * A complete rule whose detection section is {@code detection} (written unindented; it is
     * indented by four spaces and starts on line {@value #FIRST_DETECTION_LINE}).
     */
    static String rule(String detection) {
        return "title: Test rule\n"
                + "logsource:\n"
                + "    category: process_creation\n"
                + "    product: windows\n"
                + "detection:\n"
                + detection.indent(DETECTION_INDENT);
    }

    static LoadResult load(String text) {
        return RuleLoader.defaults().load("test.yml", text);
    }

    /** The detection of a rule that must load without any problem. */
    static Expr detection(String detection) {
        LoadResult result = load(rule(detection));
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.rules().size());
        return result.rules().get(0).detection();
    }

    /** The only problem of a load, which must have rejected the rule. */
    static Problem onlyProblem(String text) {
        LoadResult result = load(text);
        assertEquals(1, result.problems().size(), () -> "problems: " + result.problems());
        return result.problems().get(0);
    }

    static Expr match(String field, ValueTest.Part... parts) {
        return new Expr.Match(field, pattern(parts));
    }

    static Expr casedMatch(String field, ValueTest.Part... parts) {
        return new Expr.Match(field, new ValueTest.Pattern(List.of(parts), true));
    }

    static Expr keyword(ValueTest.Part... parts) {
        return new Expr.Keyword(pattern(parts));
    }

    static ValueTest.Pattern pattern(ValueTest.Part... parts) {
        return new ValueTest.Pattern(List.of(parts), false);
    }

    static ValueTest.Literal lit(String text) {
        return new ValueTest.Literal(text);
    }

    static final ValueTest.Part STAR = ValueTest.ANY_STRING;
    static final ValueTest.Part QUESTION = ValueTest.ANY_CHAR;

    static Expr or(Expr... operands) {
        return new Expr.Or(List.of(operands));
    }

    static Expr and(Expr... operands) {
        return new Expr.And(List.of(operands));
    }

    static Expr not(Expr operand) {
        return new Expr.Not(operand);
    }

    /** Problems rendered as compilers print them, for whole-list comparisons. */
    static List<String> rendered(LoadResult result) {
        List<String> lines = new ArrayList<>();
        result.problems().forEach(problem -> lines.add(problem.toString()));
        return lines;
    }
}
