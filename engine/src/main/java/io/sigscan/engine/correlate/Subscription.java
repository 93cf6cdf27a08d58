package io.sigscan.engine.correlate;

/**
 * A source (a rule, or another correlation) feeding a correlation.
 *
 * @param correlation the fed correlation's index
 * @param slot        the source's position in that correlation's {@code rules}
 * @param groupFields per group-by entry, where to read its value: a {@link MatchFields} slot for a
 *                    rule, a position in the source correlation's group-by (-1: absent) for a correlation
 * @param valueFields the same for the condition's {@code field} entries
 */
record Subscription(int correlation, int slot, int[] groupFields, int[] valueFields) {
}
