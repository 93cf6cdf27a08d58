package io.sigscan.rules.filter;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.model.LogSource;
import io.sigscan.rules.model.Problem;
import io.sigscan.rules.model.RuleReference;
import io.sigscan.rules.model.SigmaFilter;
import io.sigscan.rules.model.SigmaRule;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies meta filters the way pySigma does: a filter applies to a rule when the rule's log source
 * lies within the filter's (each part the filter sets is equal) and the filter names the rule by id
 * or name, or names no rule at all; the rule's detection then becomes
 * {@code (detection) and (filter condition)}, the condition taken as written. Filters apply in load
 * order. A reference to no loaded rule, or to a rule of another log source, is a warning.
 */
public final class FilterApplier {
    private static final String KIND = "filter";

    private FilterApplier() {
    }

    /** The rules with their filters applied, and a warning per reference that applied nowhere. */
    public record Result(List<SigmaRule> rules, List<Problem> problems) {
        public Result {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
        }
    }

    public static Result apply(List<SigmaRule> rules, List<SigmaFilter> filters) {
        List<SigmaRule> filtered = new ArrayList<>(rules);
        List<Problem> problems = new ArrayList<>();
        for (SigmaFilter filter : filters) {
            boolean appliedAnywhere = false;
            for (int i = 0; i < filtered.size(); i++) {
                SigmaRule rule = filtered.get(i);
                if (appliesTo(filter, rule)) {
                    filtered.set(i, new SigmaRule(rule.info(), rule.logSource(),
                            new Expr.And(List.of(rule.detection(), filter.condition()))));
                    appliedAnywhere = true;
                }
            }
            for (RuleReference reference : filter.rules()) {
                checkReference(filter, reference, rules, problems);
            }
            if (filter.rules().isEmpty() && !appliedAnywhere) {
                problems.add(warning(filter, "applies to every rule of log source "
                        + filter.logSource() + ", and no loaded rule has it"));
            }
        }
        return new Result(filtered, problems);
    }

    static boolean appliesTo(SigmaFilter filter, SigmaRule rule) {
        if (!within(rule.logSource(), filter.logSource())) {
            return false;
        }
        if (filter.rules().isEmpty()) {
            return true;
        }
        for (RuleReference reference : filter.rules()) {
            if (reference.names(rule.info())) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(LogSource rule, LogSource filter) {
        return (filter.category() == null || filter.category().equals(rule.category()))
                && (filter.product() == null || filter.product().equals(rule.product()))
                && (filter.service() == null || filter.service().equals(rule.service()));
    }

    private static void checkReference(SigmaFilter filter, RuleReference reference, List<SigmaRule> rules,
                                       List<Problem> problems) {
        SigmaRule named = null;
        for (SigmaRule rule : rules) {
            if (reference.names(rule.info())) {
                named = rule;
                if (within(rule.logSource(), filter.logSource())) {
                    return;
                }
            }
        }
        String message = named == null
                ? "names rule '" + reference.text() + "', which is not loaded (no rule has that id or name)"
                : "names rule '" + reference.text() + "', whose log source " + named.logSource()
                        + " is not within the filter's " + filter.logSource() + ", so it is not filtered";
        problems.add(new Problem(reference.location(), Problem.Severity.WARNING, KIND,
                "filter '" + filter.info().displayName() + "' " + message));
    }

    private static Problem warning(SigmaFilter filter, String message) {
        return new Problem(filter.info().location(), Problem.Severity.WARNING, KIND,
                "filter '" + filter.info().displayName() + "' " + message);
    }
}
