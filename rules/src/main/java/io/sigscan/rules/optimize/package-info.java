/**
 * Optimiser passes over the boolean IR: each pass is a pure function from expression to an
 * equivalent expression, testable alone and switchable through {@link io.sigscan.rules.optimize.Optimizer}.
 * Runs once per rule at compile time, never per event.
 */
package io.sigscan.rules.optimize;
