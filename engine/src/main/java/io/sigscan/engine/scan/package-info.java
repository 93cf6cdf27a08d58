/**
 * The parallel scan: inputs are mapped in windows, cut into chunks on record boundaries, and each
 * chunk is a task on a {@link java.util.concurrent.ForkJoinPool}. Each worker thread owns its
 * readers, event views and rule evaluator, so workers share nothing but the immutable rule set.
 * The calling thread hands results to the sinks strictly in input order while only a bounded
 * number of chunks is in flight, so output is identical for any thread count and memory stays
 * bounded for any input size. Hot path: {@link io.sigscan.engine.scan.Worker}'s record loop.
 */
package io.sigscan.engine.scan;
