package io.sigscan.rules.compile;

import java.lang.invoke.MethodHandle;

import io.sigscan.rules.event.EventView;

/**
 * A compiled predicate whose hidden class is defined on first use. Defining a class costs far
 * more than building its method handle, and a scan usually touches a few log sources, so most
 * rules of a large set never need one. The handle is built eagerly, so every compile error is
 * still reported up front.
 *
 * <p>Thread-safe: concurrent first calls define the class once. {@link RuleEvaluator} replaces
 * a deferred predicate by its {@link #resolve() resolved} one in its own arrays, so the steady
 * state pays no indirection.
 */
final class DeferredPredicate implements EventPredicate {
    private final MethodHandle handle;
    private volatile EventPredicate compiled;

    DeferredPredicate(MethodHandle handle) {
        this.handle = handle;
    }

    /** The predicate in its own hidden class, defined now if this is the first call. */
    EventPredicate resolve() {
        EventPredicate result = compiled;
        if (result == null) {
            synchronized (this) {
                result = compiled;
                if (result == null) {
                    result = PredicateCompiler.install(handle);
                    compiled = result;
                }
            }
        }
        return result;
    }

    boolean isResolved() {
        return compiled != null;
    }

    @Override
    public boolean test(EventView event) {
        return resolve().test(event);
    }
}
