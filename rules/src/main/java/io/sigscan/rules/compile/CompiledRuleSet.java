package io.sigscan.rules.compile;

import java.util.List;

import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.match.ValueMatcher;

/**
 * Every rule of a scan, compiled, with the field table the readers project into. Immutable and
 * shared by all scan workers; each worker asks for its own {@link RuleEvaluator}.
 */
public final class CompiledRuleSet {
    private final FieldTable fields;
    private final List<CompiledRule> rules;
    private final RouteTable routes;
    private final List<ValueMatcher> matchers;

    /** A set without log-source routing: every rule's predicate runs on every event. */
    public CompiledRuleSet(FieldTable fields, List<CompiledRule> rules) {
        this(fields, rules, null, List.of());
    }

    /** A routed set ({@code routes} null means unrouted) and the matchers its predicates use. */
    CompiledRuleSet(FieldTable fields, List<CompiledRule> rules, RouteTable routes, List<ValueMatcher> matchers) {
        this.fields = fields;
        this.matchers = List.copyOf(matchers);
        this.rules = List.copyOf(rules);
        this.routes = routes != null ? routes : RouteTable.unrouted(this.rules);
        for (int i = 0; i < this.rules.size(); i++) {
            if (this.rules.get(i).index() != i) {
                throw new IllegalArgumentException("rule " + this.rules.get(i) + " has index "
                        + this.rules.get(i).index() + " at position " + i);
            }
        }
    }

    /**
     * Values that regexes of this set gave up on after spending their step budget, counted as not
     * matching; zero unless a rule needed the backtracking regex fallback. A scan reports it so
     * that a hostile value cannot silently hide a match.
     */
    public long regexBudgetExhaustions() {
        long total = 0;
        for (ValueMatcher matcher : matchers) {
            total += matcher.budgetExhaustions();
        }
        return total;
    }

    RouteTable routes() {
        return routes;
    }

    public FieldTable fields() {
        return fields;
    }

    public List<CompiledRule> rules() {
        return rules;
    }

    /** A new single-threaded evaluator over this set, with its own scratch state. */
    public RuleEvaluator newEvaluator() {
        return new RuleEvaluator(rules.toArray(new CompiledRule[0]), routes);
    }

    /**
     * The same rules evaluated whenever their log source applies, without the literal
     * pre-filter: the reference the pre-filter is checked against. Same results, slower.
     */
    public CompiledRuleSet withoutPrefilter() {
        return new CompiledRuleSet(fields, rules, routes.withoutPrefilter(), matchers);
    }
}
