package io.sigscan.rules.compile;

import static io.sigscan.rules.compile.Exprs.and;
import static io.sigscan.rules.compile.Exprs.keyword;
import static io.sigscan.rules.compile.Exprs.match;
import static io.sigscan.rules.compile.Exprs.not;
import static io.sigscan.rules.compile.Exprs.or;
import static io.sigscan.rules.compile.Exprs.regex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.event.ValueKind;
import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.match.UnsupportedPatternException;

class PredicateCompilerTest {
    private static final FieldTable FIELDS = fields("Image", "CommandLine", "ParentImage", "User", "Hashes");

    /** Both evaluators must satisfy every fixture below. */
    enum Evaluator {
        COMPILED(PredicateCompiler::compile),
        INTERPRETED(Interpreter::new);

        final BiFunction<Expr, FieldTable, EventPredicate> build;

        Evaluator(BiFunction<Expr, FieldTable, EventPredicate> build) {
            this.build = build;
        }
    }

    static FieldTable fields(String... names) {
        FieldTable.Builder builder = FieldTable.builder();
        for (String name : names) {
            builder.add(name);
        }
        return builder.build();
    }

    private static TestEvent event() {
        return TestEvent.of(FIELDS);
    }

    @ParameterizedTest
    @EnumSource(Evaluator.class)
    void selectionAndFilterMatchesOnlyTheSuspiciousProcess(Evaluator evaluator) {
        // selection: Image|endswith '\whoami.exe' and CommandLine|contains '/all'; filter: User 'SYSTEM'
        Expr rule = and(and(match("Image", "*\\whoami.exe"), match("CommandLine", "*/all*")),
                not(match("User", "system")));
        EventPredicate predicate = evaluator.build.apply(rule, FIELDS);

        assertTrue(predicate.test(event().put("Image", "C:\\Windows\\System32\\WHOAMI.EXE")
                .put("CommandLine", "whoami /ALL").put("User", "alice")));
        assertTrue(predicate.test(event().put("Image", "C:\\whoami.exe").put("CommandLine", "whoami /all")),
                "a missing User cannot satisfy the filter, so 'not filter' holds");
        assertFalse(predicate.test(event().put("Image", "C:\\whoami.exe").put("CommandLine", "whoami /all")
                .put("User", "SYSTEM")), "filtered out");
        assertFalse(predicate.test(event().put("Image", "C:\\whoami.exe.bak").put("CommandLine", "whoami /all")));
        assertFalse(predicate.test(event().put("Image", "C:\\whoami.exe").put("CommandLine", "whoami /groups")));
        assertFalse(predicate.test(event().put("CommandLine", "whoami /all")), "Image missing");
    }

    @ParameterizedTest
    @EnumSource(Evaluator.class)
    void arrayFieldsMatchWhenAnyScalarElementMatches(Evaluator evaluator) {
        EventPredicate predicate = evaluator.build.apply(match("Hashes", "*md5=abc*"), FIELDS);
        assertTrue(predicate.test(event().put("Hashes", "SHA1=000").put("Hashes", "MD5=ABC,x")));
        assertFalse(predicate.test(event().put("Hashes", "SHA1=000").put("Hashes", "MD5=abd")));
        assertFalse(predicate.test(event().putNull("Hashes")), "null is never a match");
        assertFalse(predicate.test(event().putStructure("Hashes")), "a structure is never a match");
    }

    @ParameterizedTest
    @EnumSource(Evaluator.class)
    void numbersAndBooleansCompareAsText(Evaluator evaluator) {
        FieldTable fields = fields("EventID", "Enabled");
        EventPredicate predicate = evaluator.build.apply(and(match("EventID", "4688"), match("Enabled", "True")), fields);
        assertTrue(predicate.test(TestEvent.of(fields).putNumber("EventID", "4688").putValue("Enabled", ValueKind.BOOLEAN, "true")));
        assertTrue(predicate.test(TestEvent.of(fields).put("EventID", "4688").put("Enabled", "TRUE")));
        assertFalse(predicate.test(TestEvent.of(fields).putNumber("EventID", "46880").put("Enabled", "true")));
    }

    @ParameterizedTest
    @EnumSource(Evaluator.class)
    void isNullHoldsForAbsentOrNullFieldsOnly(Evaluator evaluator) {
        EventPredicate predicate = evaluator.build.apply(new Expr.IsNull("User"), FIELDS);
        assertTrue(predicate.test(event()));
        assertTrue(predicate.test(event().putNull("User")));
        assertFalse(predicate.test(event().put("User", "")), "'' is present and empty, not null");
        assertFalse(predicate.test(event().putNull("User").put("User", "bob")));
    }

    @ParameterizedTest
    @EnumSource(Evaluator.class)
    void existsHoldsForAnyPresentValueEvenNull(Evaluator evaluator) {
        EventPredicate predicate = evaluator.build.apply(new Expr.Exists("User"), FIELDS);
        assertTrue(predicate.test(event().put("User", "")));
        assertTrue(predicate.test(event().putNull("User")));
        assertFalse(predicate.test(event().put("Image", "x")));
    }

    @ParameterizedTest
    @EnumSource(Evaluator.class)
    void keywordsSearchEveryStringValue(Evaluator evaluator) {
        EventPredicate predicate = evaluator.build.apply(keyword("*mimikatz*"), FIELDS);
        assertTrue(predicate.test(event().put("Image", "x").put("CommandLine", "Invoke-Mimikatz -dump")));
        assertFalse(predicate.test(event().put("Image", "x").put("CommandLine", "mimi katz")));
    }

    @ParameterizedTest
    @EnumSource(Evaluator.class)
    void emptyAndIsTrueEmptyOrIsFalseAndConstantsAreThemselves(Evaluator evaluator) {
        assertTrue(evaluator.build.apply(and(), FIELDS).test(event()));
        assertFalse(evaluator.build.apply(or(), FIELDS).test(event()));
        assertTrue(evaluator.build.apply(Expr.TRUE, FIELDS).test(event()));
        assertFalse(evaluator.build.apply(not(Expr.TRUE), FIELDS).test(event()));
    }

    @ParameterizedTest
    @EnumSource(Evaluator.class)
    void wideOrOfManyNeedlesFindsEachOfThem(Evaluator evaluator) {
        List<Expr> needles = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            needles.add(match("CommandLine", "*needle" + i + "#*"));
        }
        EventPredicate predicate = evaluator.build.apply(new Expr.Or(needles), FIELDS);
        for (int i = 0; i < 300; i++) {
            assertTrue(predicate.test(event().put("CommandLine", "x needle" + i + "# y")), "needle " + i);
        }
        assertFalse(predicate.test(event().put("CommandLine", "needle300#")));
    }

    @ParameterizedTest
    @EnumSource(Evaluator.class)
    void regexLeavesFindAnywhere(Evaluator evaluator) {
        EventPredicate predicate = evaluator.build.apply(regex("CommandLine", "-e(nc|ncodedcommand)? [A-Za-z0-9+/=]{20,}"), FIELDS);
        assertTrue(predicate.test(event().put("CommandLine", "powershell -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBi")));
        assertFalse(predicate.test(event().put("CommandLine", "powershell -enc SQBF")));
    }

    @Test
    void compiledPredicateIsAnInstanceOfItsOwnHiddenClass() {
        EventPredicate first = PredicateCompiler.compile(match("Image", "*\\cmd.exe"), FIELDS);
        EventPredicate second = PredicateCompiler.compile(match("Image", "*\\cmd.exe"), FIELDS);
        assertTrue(first.getClass().isHidden(), first.getClass().getName());
        assertTrue(first.getClass().getName().startsWith("io.sigscan.rules.compile.PredicateTemplate/"));
        assertFalse(first.getClass() == second.getClass(), "one hidden class per predicate");
        assertTrue(first.test(event().put("Image", "c:\\cmd.exe")));
    }

    @Test
    void regexNoEngineAcceptsFailsTheCompilation() {
        assertThrows(UnsupportedPatternException.class, () -> PredicateCompiler.compile(regex("Image", "(?<"), FIELDS));
    }

    @Test
    void fieldMissingFromTheTableIsAProgrammingError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PredicateCompiler.compile(match("Nope", "x"), FIELDS));
        assertEquals("field 'Nope' is not in the field table FieldTable[<keywords>, Image, CommandLine, ParentImage, User, Hashes]",
                error.getMessage());
    }
}
