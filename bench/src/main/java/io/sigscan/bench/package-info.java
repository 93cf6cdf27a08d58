/**
 * JMH benchmarks of sigscan, each with its baseline in the same class (a no-rule scan, a
 * byte-sum pass over the same bytes, a plain {@code indexOf}), over telemetry from
 * {@code sigscan generate}; and {@link io.sigscan.bench.RuleLiterals}, which the benchmark
 * script uses to build a {@code grep} baseline.
 */
package io.sigscan.bench;
