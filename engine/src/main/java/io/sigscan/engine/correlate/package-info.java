/**
 * Sigma correlation rules evaluated over the ordered stream of rule matches: base-rule matches
 * (and the alerts of other correlations) are grouped by their {@code group-by} values and kept in
 * sliding windows on event time; a group whose window satisfies the condition raises a
 * {@link io.sigscan.engine.correlate.CorrelationAlert}. Runs on the thread that emits matches,
 * after the scan workers, so it is not on the per-event hot path: it only sees matches, and may
 * allocate per match.
 */
package io.sigscan.engine.correlate;
