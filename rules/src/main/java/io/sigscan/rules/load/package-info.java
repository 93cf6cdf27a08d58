/**
 * First stage of the rules pipeline: Sigma YAML files to {@link io.sigscan.rules.model.SigmaRule}
 * records whose detection is already lowered to the boolean IR. YAML is only composed into
 * nodes (never constructed into Java objects), scalars are typed as PyYAML types them, and every
 * node keeps its file:line:column so that each problem points at the text that caused it.
 * Nothing here throws to the caller: every failure becomes a {@link io.sigscan.rules.model.Problem}.
 */
package io.sigscan.rules.load;
