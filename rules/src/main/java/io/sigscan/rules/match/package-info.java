/**
 * Byte-level value matchers: each Sigma value test ({@link io.sigscan.rules.ir.ValueTest}) becomes
 * one {@link io.sigscan.rules.match.ValueMatcher} over a run of UTF-8 bytes, specialised by shape
 * (exact, startswith, endswith, contains, general wildcard, regex).
 *
 * <p>Hot path: {@code matches} runs for every value of every tested field of every event. The
 * wildcard matchers never allocate; they fold ASCII case on the fly and fall back to a
 * code-point path only when a non-ASCII byte could change the answer. Regex matchers allocate
 * one copy of the value per call (see {@link io.sigscan.rules.match.RegexMatcher}).
 */
package io.sigscan.rules.match;
