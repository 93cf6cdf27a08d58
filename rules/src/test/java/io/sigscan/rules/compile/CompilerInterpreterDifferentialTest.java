package io.sigscan.rules.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.event.ValueKind;
import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;

/**
 * Random IR trees (every node and value-test kind, field references included) over random small
 * events: the compiled predicate must agree with the interpreter.
 */
class CompilerInterpreterDifferentialTest {
    private static final String[] FIELD_NAMES = {"A", "B", "C", "D"};
    private static final String[] WORDS = {"", "a", "A", "ab", "bA", "İ", "i", "x.exe", "X.EXE", "4688", "ä", "10.1.2.3",
        "fe80::1", "-2.5", "2024-12-30T23:59:59+01:00"};
    private static final FieldTable FIELDS = PredicateCompilerTest.fields(FIELD_NAMES);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 11, 2026})
    void compiledPredicatesAgreeWithTheInterpreter(long seed) {
        Random random = new Random(seed);
        int matches = 0;
        for (int round = 0; round < 700; round++) {
            Expr expr = randomExpr(random, 4);
            EventPredicate compiled = PredicateCompiler.compile(expr, FIELDS);
            EventPredicate reference = new Interpreter(expr, FIELDS);
            for (int e = 0; e < 25; e++) {
                TestEvent event = randomEvent(random);
                boolean expected = reference.test(event);
                matches += expected ? 1 : 0;
                assertEquals(expected, compiled.test(event), () -> expr + " on " + event);
            }
        }
        // Guard against a generator so skewed that agreement means nothing.
        assertEquals(true, matches > 700 * 25 / 10 && matches < 700 * 25 * 9 / 10, "matches: " + matches);
    }

    private static Expr randomExpr(Random random, int depth) {
        int choice = random.nextInt(depth <= 0 ? 5 : 9);
        String field = FIELD_NAMES[random.nextInt(FIELD_NAMES.length)];
        switch (choice) {
            case 0:
            case 1:
                return new Expr.Match(field, randomPattern(random));
            case 2:
                return new Expr.IsNull(field);
            case 3:
                return random.nextBoolean() ? new Expr.Exists(field) : new Expr.Keyword(randomPattern(random));
            case 4:
                return randomLeaf(random, field);
            case 5:
                return new Expr.Not(randomExpr(random, depth - 1));
            case 6:
            case 7:
                return new Expr.And(randomOperands(random, depth));
            default:
                return new Expr.Or(randomOperands(random, depth));
        }
    }

    private static Expr randomLeaf(Random random, String field) {
        switch (random.nextInt(8)) {
            case 0:
                return new Expr.Const(random.nextBoolean());
            case 1:
                return new Expr.Match(field, new ValueTest.Regex("^(a|4)", random.nextBoolean(), false, false));
            case 2:
            case 3:
                Expr.Position[] positions = Expr.Position.values();
                return new Expr.FieldRef(field, FIELD_NAMES[random.nextInt(FIELD_NAMES.length)],
                        positions[random.nextInt(positions.length)], random.nextBoolean());
            case 4:
                ValueTest.Comparison[] comparisons = ValueTest.Comparison.values();
                return new Expr.Match(field, new ValueTest.Compare(comparisons[random.nextInt(comparisons.length)],
                        new BigDecimal(random.nextBoolean() ? "0" : "100")));
            case 5:
                return new Expr.Match(field, new ValueTest.Cidr(random.nextBoolean() ? "10.0.0.0/8" : "fe80::/10"));
            case 6:
                return new Expr.Match(field, new ValueTest.TimePart(ValueTest.TimeField.DAY, ValueTest.Comparison.GT, 15));
            default:
                return new Expr.Match(field, randomPattern(random));
        }
    }

    private static List<Expr> randomOperands(Random random, int depth) {
        List<Expr> operands = new ArrayList<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            operands.add(randomExpr(random, depth - 1));
        }
        return operands;
    }

    private static ValueTest.Pattern randomPattern(Random random) {
        String word = WORDS[random.nextInt(WORDS.length)];
        String glob = switch (random.nextInt(5)) {
            case 0 -> "*" + word + "*";
            case 1 -> word + "*";
            case 2 -> "*" + word;
            case 3 -> word.isEmpty() ? "?" : word.substring(0, word.length() - 1) + "?";
            default -> word;
        };
        return Exprs.glob(glob, random.nextInt(5) == 0);
    }

    private static TestEvent randomEvent(Random random) {
        TestEvent event = TestEvent.of(FIELDS);
        for (String field : FIELD_NAMES) {
            int values = random.nextInt(4) == 0 ? 0 : 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
            for (int i = 0; i < values; i++) {
                int kind = switch (random.nextInt(8)) {
                    case 0 -> ValueKind.NULL;
                    case 1 -> ValueKind.STRUCTURE;
                    case 2 -> ValueKind.NUMBER;
                    default -> ValueKind.STRING;
                };
                String word = WORDS[random.nextInt(WORDS.length)];
                event.putValue(field, kind, random.nextBoolean() ? word : word + WORDS[random.nextInt(WORDS.length)]);
            }
        }
        return event;
    }
}
