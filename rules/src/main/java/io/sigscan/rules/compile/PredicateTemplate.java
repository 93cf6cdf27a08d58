package io.sigscan.rules.compile;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

import io.sigscan.rules.event.EventView;

/**
 * Never loaded as itself: {@link PredicateCompiler} reads this class's bytes and defines a
 * hidden copy per compiled predicate, passing the predicate's method handle as class data. The
 * handle then sits in a {@code static final} field, which the JIT treats as a constant and
 * inlines through, combinators and matchers included.
 */
final class PredicateTemplate implements EventPredicate {
    private static final MethodHandle PREDICATE = classData();

    PredicateTemplate() {
    }

    private static MethodHandle classData() {
        try {
            return MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public boolean test(EventView event) {
        try {
            return (boolean) PREDICATE.invokeExact(event);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) {
            // Leaves declare no checked exceptions; invokeExact merely says it may throw any.
            throw new IllegalStateException(impossible);
        }
    }
}
