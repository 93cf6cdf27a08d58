package io.sigscan.rules.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;
import io.sigscan.rules.match.CidrMatcher;
import io.sigscan.rules.match.ContainsAnyMatcher;
import io.sigscan.rules.match.EndsWithAnyMatcher;
import io.sigscan.rules.match.EqualsAnyMatcher;
import io.sigscan.rules.match.RegexBudget;
import io.sigscan.rules.match.UnsupportedPatternException;
import io.sigscan.rules.match.ValueMatcher;

/**
 * Turns an IR expression into one {@link EventPredicate}: a tree of method-handle combinators of
 * type {@code (EventView)boolean} ({@code guardWithTest} for and/or, split in halves so depth
 * grows with the logarithm of the operand count, operands cheapest first; an or's
 * case-insensitive contains tests on one field merged into one multi-needle matcher; {@code filterReturnValue} for not; leaves from
 * {@link Leaves} with matcher and slot bound in), installed as a constant in a hidden class of
 * its own (see {@link PredicateTemplate}).
 *
 * <p>Matchers are shared through the cache given at construction, so a needle used by many rules
 * or variants is compiled once. Single-threaded; the predicates it returns are thread-safe.
 */
final class PredicateCompiler {
    private static final MethodType PREDICATE_TYPE = MethodType.methodType(boolean.class, EventView.class);
    private static final MethodHandle ANY_VALUE_MATCHES;
    private static final MethodHandle IS_NULL;
    private static final MethodHandle EXISTS;
    private static final MethodHandle NOT;
    private static final MethodHandle FIELD_REF;
    private static final MethodHandle ALWAYS_TRUE = constant(true);
    private static final MethodHandle ALWAYS_FALSE = constant(false);
    private static final byte[] TEMPLATE_BYTES = templateBytes();
    /** Fewest tests of a mergeable kind on one field of an or that are merged into one matcher. */
    static final int MERGED_TESTS = 3;
    /** How many times a field test a keyword test costs: it reads every string value of the event. */
    private static final int KEYWORD_FACTOR = 8;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            ANY_VALUE_MATCHES = lookup.findStatic(Leaves.class, "anyValueMatches",
                    MethodType.methodType(boolean.class, ValueMatcher.class, int.class, EventView.class));
            IS_NULL = lookup.findStatic(Leaves.class, "isNull", MethodType.methodType(boolean.class, int.class, EventView.class));
            EXISTS = lookup.findStatic(Leaves.class, "exists", MethodType.methodType(boolean.class, int.class, EventView.class));
            NOT = lookup.findStatic(Leaves.class, "not", MethodType.methodType(boolean.class, boolean.class));
            FIELD_REF = lookup.findStatic(Leaves.class, "fieldRef", MethodType.methodType(boolean.class,
                    Expr.Position.class, boolean.class, int.class, int.class, EventView.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final FieldTable fields;
    private final Map<ValueTest, ValueMatcher> matchers;
    private final Map<List<ValueTest>, ValueMatcher> mergedMatchers = new HashMap<>();
    private final RegexBudget regexBudget;

    PredicateCompiler(FieldTable fields, Map<ValueTest, ValueMatcher> matcherCache, RegexBudget regexBudget) {
        this.fields = fields;
        this.matchers = matcherCache;
        this.regexBudget = regexBudget;
    }

    /**
     * Compiles one expression whose fields are all in {@code fields}.
     *
     * @throws UnsupportedPatternException when a value test cannot be matched
     */
    static EventPredicate compile(Expr expr, FieldTable fields) {
        return new PredicateCompiler(fields, new HashMap<>(), new RegexBudget(RegexBudget.DEFAULT_INSTRUCTIONS))
                .predicate(expr);
    }

    EventPredicate predicate(Expr expr) {
        return install(handle(expr));
    }

    /** Like {@link #predicate} but defines the hidden class on first use; see {@link DeferredPredicate}. */
    DeferredPredicate deferredPredicate(Expr expr) {
        return new DeferredPredicate(handle(expr));
    }

    MethodHandle handle(Expr expr) {
        return costed(expr).handle();
    }

    /** A compiled expression and what evaluating it costs at worst, in {@link ValueMatcher#cost()} units. */
    private record Costed(MethodHandle handle, int cost) {
    }

    private Costed costed(Expr expr) {
        if (expr instanceof Expr.And and) {
            List<Costed> operands = cheapestFirst(and.operands().stream().map(this::costed).toList());
            return new Costed(and(handles(operands), 0, operands.size()), totalCost(operands));
        }
        if (expr instanceof Expr.Or or) {
            List<Costed> operands = cheapestFirst(orOperands(or.operands()));
            return new Costed(or(handles(operands), 0, operands.size()), totalCost(operands));
        }
        if (expr instanceof Expr.Not not) {
            Costed operand = costed(not.operand());
            return new Costed(MethodHandles.filterReturnValue(operand.handle(), NOT), operand.cost());
        }
        if (expr instanceof Expr.Const constant) {
            return new Costed(constant.value() ? ALWAYS_TRUE : ALWAYS_FALSE, 0);
        }
        if (expr instanceof Expr.Match match) {
            return valueTest(matcher(match.test()), slot(match.field()), 1);
        }
        if (expr instanceof Expr.Keyword keyword) {
            return valueTest(matcher(keyword.test()), EventView.KEYWORDS, KEYWORD_FACTOR);
        }
        if (expr instanceof Expr.IsNull isNull) {
            return new Costed(MethodHandles.insertArguments(IS_NULL, 0, slot(isNull.field())), ValueMatcher.BOUNDED);
        }
        if (expr instanceof Expr.FieldRef fieldRef) {
            return new Costed(MethodHandles.insertArguments(FIELD_REF, 0, fieldRef.position(), fieldRef.cased(),
                    slot(fieldRef.field()), slot(fieldRef.referenced())), ValueMatcher.LINEAR);
        }
        return new Costed(MethodHandles.insertArguments(EXISTS, 0, slot(((Expr.Exists) expr).field())),
                ValueMatcher.BOUNDED);
    }

    private static Costed valueTest(ValueMatcher matcher, int slot, int factor) {
        return new Costed(MethodHandles.insertArguments(ANY_VALUE_MATCHES, 0, matcher, slot), matcher.cost() * factor);
    }

    /**
     * The operands sorted by cost, cheapest first, ties in rule order. Sigma's {@code and} and
     * {@code or} have no side effects, so their operands may be tested in any order; testing the
     * cheap ones first means the expensive ones (regexes, keyword scans) run only when the cheap
     * ones leave the answer open.
     */
    private static List<Costed> cheapestFirst(List<Costed> operands) {
        List<Costed> sorted = new ArrayList<>(operands);
        sorted.sort(Comparator.comparingInt(Costed::cost));
        return sorted;
    }

    private static int totalCost(List<Costed> operands) {
        long total = 0;
        for (Costed operand : operands) {
            total += operand.cost();
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    private static List<MethodHandle> handles(List<Costed> operands) {
        List<MethodHandle> handles = new ArrayList<>(operands.size());
        for (Costed operand : operands) {
            handles.add(operand.handle());
        }
        return handles;
    }

    private MethodHandle and(List<MethodHandle> operands, int from, int to) {
        if (to - from == 0) {
            return ALWAYS_TRUE;
        }
        if (to - from == 1) {
            return operands.get(from);
        }
        int middle = (from + to) >>> 1;
        return MethodHandles.guardWithTest(and(operands, from, middle), and(operands, middle, to), ALWAYS_FALSE);
    }

    private MethodHandle or(List<MethodHandle> operands, int from, int to) {
        if (to - from == 0) {
            return ALWAYS_FALSE;
        }
        if (to - from == 1) {
            return operands.get(from);
        }
        int middle = (from + to) >>> 1;
        return MethodHandles.guardWithTest(or(operands, from, middle), ALWAYS_TRUE, or(operands, middle, to));
    }

    /**
     * The operands of an {@code or}, compiled, with the case-insensitive {@code contains} tests
     * on each field (keywords count as one field) merged into one {@link ContainsAnyMatcher},
     * the case-insensitive {@code endswith} tests into one {@link EndsWithAnyMatcher} and the
     * case-insensitive plain values into one {@link EqualsAnyMatcher} and the {@code cidr} tests
     * into one {@link CidrMatcher}, when there are at least {@link #MERGED_TESTS} of a kind:
     * one pass over the value instead of one per test.
     */
    private List<Costed> orOperands(List<Expr> operands) {
        Map<MergeKey, List<ValueTest>> mergeable = new LinkedHashMap<>();
        for (Expr operand : operands) {
            MergeKey key = mergeKey(operand);
            if (key != null) {
                mergeable.computeIfAbsent(key, k -> new ArrayList<>()).add(valueTest(operand));
            }
        }
        mergeable.values().removeIf(tests -> tests.size() < MERGED_TESTS);
        List<Costed> compiled = new ArrayList<>(operands.size());
        for (Map.Entry<MergeKey, List<ValueTest>> merged : mergeable.entrySet()) {
            ValueMatcher matcher = mergedMatchers.computeIfAbsent(merged.getValue(), merged.getKey().kind().merger);
            int slot = merged.getKey().slot();
            compiled.add(valueTest(matcher, slot, slot == EventView.KEYWORDS ? KEYWORD_FACTOR : 1));
        }
        for (Expr operand : operands) {
            MergeKey key = mergeKey(operand);
            if (key == null || !mergeable.containsKey(key)) {
                compiled.add(costed(operand));
            }
        }
        return compiled;
    }

    /** Tests of one slot one merged matcher can take. */
    private record MergeKey(int slot, MergeKind kind) {
    }

    /** The tests merged matchers take, each with its matcher. */
    private enum MergeKind {
        CONTAINS(ContainsAnyMatcher::mergeableNeedle, ContainsAnyMatcher::of),
        ENDS_WITH(EndsWithAnyMatcher::mergeableNeedle, EndsWithAnyMatcher::of),
        EQUALS(EqualsAnyMatcher::mergeableNeedle, EqualsAnyMatcher::of),
        CIDR(CidrMatcher::mergeableNeedle, CidrMatcher::of);

        final Function<ValueTest, String> needle;
        final Function<List<ValueTest>, ValueMatcher> merger;

        MergeKind(Function<ValueTest, String> needle, Function<List<ValueTest>, ValueMatcher> merger) {
            this.needle = needle;
            this.merger = merger;
        }
    }

    /** Which merged matcher can take a field or keyword test, or null when none can. */
    private MergeKey mergeKey(Expr operand) {
        if (!(operand instanceof Expr.Match) && !(operand instanceof Expr.Keyword)) {
            return null;
        }
        ValueTest test = valueTest(operand);
        int slot = operand instanceof Expr.Match match ? slot(match.field()) : EventView.KEYWORDS;
        for (MergeKind kind : MergeKind.values()) {
            if (kind.needle.apply(test) != null) {
                return new MergeKey(slot, kind);
            }
        }
        return null;
    }

    private static ValueTest valueTest(Expr operand) {
        return operand instanceof Expr.Match match ? match.test() : ((Expr.Keyword) operand).test();
    }

    private ValueMatcher matcher(ValueTest test) {
        ValueMatcher matcher = matchers.get(test);
        if (matcher == null) {
            matcher = ValueMatcher.forTest(test, regexBudget);
            matchers.put(test, matcher);
        }
        return matcher;
    }

    private int slot(String field) {
        int slot = fields.slotOf(field);
        if (slot == FieldTable.ABSENT) {
            throw new IllegalArgumentException("field '" + field + "' is not in the field table " + fields);
        }
        return slot;
    }

    private static MethodHandle constant(boolean value) {
        return MethodHandles.dropArguments(MethodHandles.constant(boolean.class, value), 0, EventView.class);
    }

    /** Defines a hidden copy of {@link PredicateTemplate} holding {@code handle} as a constant. */
    static EventPredicate install(MethodHandle handle) {
        if (!handle.type().equals(PREDICATE_TYPE)) {
            throw new IllegalStateException("predicate handle has type " + handle.type());
        }
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE_BYTES, handle, true);
            return (EventPredicate) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define a predicate class", e);
        }
    }

    private static byte[] templateBytes() {
        String resource = PredicateTemplate.class.getSimpleName() + ".class";
        try (InputStream in = PredicateCompiler.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class file " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
