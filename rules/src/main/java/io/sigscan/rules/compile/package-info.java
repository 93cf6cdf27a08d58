/**
 * Turns the IR into runnable predicates and rule sets. {@link io.sigscan.rules.compile.RuleEvaluator}
 * is on the hot path: it runs once per event and must not allocate.
 */
package io.sigscan.rules.compile;
