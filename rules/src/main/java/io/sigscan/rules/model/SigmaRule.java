package io.sigscan.rules.model;

import io.sigscan.rules.ir.Expr;

/**
 * A loaded detection rule: its metadata, the log source it is written for, and its detection
 * already lowered to the boolean IR (field names as the rule writes them).
 */
public record SigmaRule(RuleInfo info, LogSource logSource, Expr detection) {
}
