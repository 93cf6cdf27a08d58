package io.sigscan.rules.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;
import io.sigscan.rules.match.ContainsAnyMatcher;
import io.sigscan.rules.match.EndsWithAnyMatcher;
import io.sigscan.rules.match.UnsupportedPatternException;
import io.sigscan.rules.match.ValueMatcher;

/**
 * Turns an IR expression into one {@link EventPredicate}: a tree of method-handle combinators of
 * type {@code (EventView)boolean} ({@code guardWithTest} for and/or, split in halves so depth
 * grows with the logarithm of the operand count; an or's case-insensitive contains tests on one
 * field merged into one multi-needle matcher; {@code filterReturnValue} for not; leaves from
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
    /** Fewest case-insensitive contains (or endswith) tests on one field of an or that are merged into one matcher. */
    static final int MERGED_TESTS = 3;

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

    PredicateCompiler(FieldTable fields, Map<ValueTest, ValueMatcher> matcherCache) {
        this.fields = fields;
        this.matchers = matcherCache;
    }

    /**
     * Compiles one expression whose fields are all in {@code fields}.
     *
     * @throws UnsupportedPatternException when a value test cannot be matched
     */
    static EventPredicate compile(Expr expr, FieldTable fields) {
        return new PredicateCompiler(fields, new HashMap<>()).predicate(expr);
    }

    EventPredicate predicate(Expr expr) {
        return install(handle(expr));
    }

    /** Like {@link #predicate} but defines the hidden class on first use; see {@link DeferredPredicate}. */
    DeferredPredicate deferredPredicate(Expr expr) {
        return new DeferredPredicate(handle(expr));
    }

    MethodHandle handle(Expr expr) {
        if (expr instanceof Expr.And and) {
            return and(handles(and.operands()), 0, and.operands().size());
        }
        if (expr instanceof Expr.Or or) {
            List<MethodHandle> operands = orHandles(or.operands());
            return or(operands, 0, operands.size());
        }
        if (expr instanceof Expr.Not not) {
            return MethodHandles.filterReturnValue(handle(not.operand()), NOT);
        }
        if (expr instanceof Expr.Const constant) {
            return constant.value() ? ALWAYS_TRUE : ALWAYS_FALSE;
        }
        if (expr instanceof Expr.Match match) {
            return MethodHandles.insertArguments(ANY_VALUE_MATCHES, 0, matcher(match.test()), slot(match.field()));
        }
        if (expr instanceof Expr.Keyword keyword) {
            return MethodHandles.insertArguments(ANY_VALUE_MATCHES, 0, matcher(keyword.test()), EventView.KEYWORDS);
        }
        if (expr instanceof Expr.IsNull isNull) {
            return MethodHandles.insertArguments(IS_NULL, 0, slot(isNull.field()));
        }
        if (expr instanceof Expr.FieldRef fieldRef) {
            return MethodHandles.insertArguments(FIELD_REF, 0, fieldRef.position(), fieldRef.cased(),
                    slot(fieldRef.field()), slot(fieldRef.referenced()));
        }
        return MethodHandles.insertArguments(EXISTS, 0, slot(((Expr.Exists) expr).field()));
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

    private List<MethodHandle> handles(List<Expr> operands) {
        List<MethodHandle> handles = new ArrayList<>(operands.size());
        for (Expr operand : operands) {
            handles.add(handle(operand));
        }
        return handles;
    }

    /**
     * The operands of an {@code or} as handles, with the case-insensitive {@code contains} tests
     * on each field (keywords count as one field) merged into one {@link ContainsAnyMatcher},
     * and the case-insensitive {@code endswith} tests into one {@link EndsWithAnyMatcher}, when
     * there are at least {@link #MERGED_TESTS} of a kind: one pass over the value instead of
     * one per needle.
     */
    private List<MethodHandle> orHandles(List<Expr> operands) {
        Map<MergeKey, List<ValueTest>> mergeable = new LinkedHashMap<>();
        for (Expr operand : operands) {
            MergeKey key = mergeKey(operand);
            if (key != null) {
                mergeable.computeIfAbsent(key, k -> new ArrayList<>()).add(valueTest(operand));
            }
        }
        mergeable.values().removeIf(tests -> tests.size() < MERGED_TESTS);
        List<MethodHandle> handles = new ArrayList<>(operands.size());
        for (Map.Entry<MergeKey, List<ValueTest>> merged : mergeable.entrySet()) {
            ValueMatcher matcher = mergedMatchers.computeIfAbsent(merged.getValue(),
                    merged.getKey().suffix() ? EndsWithAnyMatcher::of : ContainsAnyMatcher::of);
            handles.add(MethodHandles.insertArguments(ANY_VALUE_MATCHES, 0, matcher, merged.getKey().slot()));
        }
        for (Expr operand : operands) {
            MergeKey key = mergeKey(operand);
            if (key == null || !mergeable.containsKey(key)) {
                handles.add(handle(operand));
            }
        }
        return handles;
    }

    /** Tests of one slot one merged matcher can take: {@code contains} or ({@code suffix}) {@code endswith}. */
    private record MergeKey(int slot, boolean suffix) {
    }

    /** Which merged matcher can take a field or keyword test, or null when none can. */
    private MergeKey mergeKey(Expr operand) {
        if (!(operand instanceof Expr.Match) && !(operand instanceof Expr.Keyword)) {
            return null;
        }
        ValueTest test = valueTest(operand);
        int slot = operand instanceof Expr.Match match ? slot(match.field()) : EventView.KEYWORDS;
        if (ContainsAnyMatcher.mergeableNeedle(test) != null) {
            return new MergeKey(slot, false);
        }
        if (EndsWithAnyMatcher.mergeableNeedle(test) != null) {
            return new MergeKey(slot, true);
        }
        return null;
    }

    private static ValueTest valueTest(Expr operand) {
        return operand instanceof Expr.Match match ? match.test() : ((Expr.Keyword) operand).test();
    }

    private ValueMatcher matcher(ValueTest test) {
        ValueMatcher matcher = matchers.get(test);
        if (matcher == null) {
            matcher = ValueMatcher.forTest(test);
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
