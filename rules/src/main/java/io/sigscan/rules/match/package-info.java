/**
 * Byte-level value matchers: each Sigma value test ({@link io.sigscan.rules.ir.ValueTest}) becomes
 * one {@link io.sigscan.rules.match.ValueMatcher} over a run of UTF-8 bytes, specialised by shape
 * (exact, startswith, endswith, contains, general wildcard, regex), plus numeric comparison,
 * timestamp parts and CIDR networks, each parsing the value's text itself, and the
 * value-to-value comparisons of {@code fieldref}.
 *
 * <p>Hot path: {@code matches} runs for every value of every tested field of every event. Only
 * regex matchers allocate; the wildcard matchers fold ASCII case on the fly and fall back to a
 * code-point path only when a non-ASCII byte could change the answer. Regex matchers copy the
 * value into a reused per-thread array, and RE2J allocates a small input object per call (see
 * {@link io.sigscan.rules.match.RegexMatcher}).
 */
package io.sigscan.rules.match;
