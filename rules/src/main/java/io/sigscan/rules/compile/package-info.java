/**
 * Turns the IR into runnable predicates and routed rule sets.
 * {@link io.sigscan.rules.compile.RuleSetCompiler} applies log-source variants and optimiser
 * passes, builds the field table and compiles each (rule, variant) into one method-handle tree
 * held as a constant by its own hidden class; {@code Interpreter} is the plain reference it is
 * tested against.
 *
 * <p>Hot path: {@link io.sigscan.rules.compile.RuleEvaluator} and the compiled predicates run
 * once per event and must not allocate.
 */
package io.sigscan.rules.compile;
