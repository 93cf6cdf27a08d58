package io.sigscan.rules.model;

import io.sigscan.rules.ir.Expr;

import java.util.List;

/**
 * A loaded Sigma meta filter: a condition ANDed, as written, onto the detection of the rules it
 * names (by id or name) that share its log source, or onto every rule of its log source when
 * {@code rules} is empty.
 *
 * @param info      title, id and location of the filter document
 * @param logSource the log source a rule must have for the filter to apply
 * @param rules     the rules it applies to; empty means every rule of the log source
 * @param condition the filter's condition over its own selections, lowered to the IR
 */
public record SigmaFilter(RuleInfo info, LogSource logSource, List<RuleReference> rules, Expr condition) {

    public SigmaFilter {
        rules = List.copyOf(rules);
    }
}
