package io.sigscan.rules.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.optimize.ConstantFoldPass;
import io.sigscan.rules.optimize.DeduplicatePass;
import io.sigscan.rules.optimize.ExprPass;
import io.sigscan.rules.optimize.FlattenPass;
import io.sigscan.rules.optimize.Optimizer;

/** Every pass, alone and in the standard order, leaves the meaning of random trees unchanged. */
class OptimizerPreservesMeaningTest {
    private static final FieldTable FIELDS = PredicateCompilerTest.fields("A", "B");
    private static final Expr[] LEAVES = {
        Exprs.match("A", "x"), Exprs.match("A", "*y*"), Exprs.match("B", "x"), new Expr.Exists("B"),
        new Expr.IsNull("A"), Expr.TRUE, Expr.FALSE, new Expr.FieldRef("A", "B", Expr.Position.EQUALS, false),
        new Expr.FieldRef("B", "A", Expr.Position.CONTAINS, true),
    };

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 99})
    void passesPreserveTheTruthTableOfRandomExpressions(long seed) {
        Random random = new Random(seed);
        List<ExprPass> passes = List.of(new FlattenPass(), new ConstantFoldPass(), new DeduplicatePass());
        List<TestEvent> events = allEvents();
        for (int round = 0; round < 1_000; round++) {
            Expr original = randomExpr(random, 4);
            Interpreter reference = new Interpreter(original, FIELDS);
            List<Expr> rewritten = new ArrayList<>();
            passes.forEach(pass -> rewritten.add(pass.apply(original)));
            rewritten.add(Optimizer.standard().optimize(original));
            for (Expr candidate : rewritten) {
                Interpreter optimized = new Interpreter(candidate, FIELDS);
                for (TestEvent event : events) {
                    assertEquals(reference.test(event), optimized.test(event), () -> original + " became " + candidate + " on " + event);
                }
            }
        }
    }

    /** A present/absent/null/other value per field: every leaf above takes both values somewhere. */
    private static List<TestEvent> allEvents() {
        String[] values = {null, "x", "ayb", "\0null"};
        List<TestEvent> events = new ArrayList<>();
        for (String a : values) {
            for (String b : values) {
                TestEvent event = TestEvent.of(FIELDS);
                put(event, "A", a);
                put(event, "B", b);
                events.add(event);
            }
        }
        return events;
    }

    private static void put(TestEvent event, String field, String value) {
        if ("\0null".equals(value)) {
            event.putNull(field);
        } else if (value != null) {
            event.put(field, value);
        }
    }

    private static Expr randomExpr(Random random, int depth) {
        int choice = random.nextInt(depth <= 0 ? 3 : 7);
        if (choice < 3) {
            return LEAVES[random.nextInt(LEAVES.length)];
        }
        if (choice == 3) {
            return new Expr.Not(randomExpr(random, depth - 1));
        }
        List<Expr> operands = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            operands.add(random.nextInt(4) == 0 && !operands.isEmpty() ? operands.get(0) : randomExpr(random, depth - 1));
        }
        return choice < 5 ? new Expr.And(operands) : new Expr.Or(operands);
    }
}
