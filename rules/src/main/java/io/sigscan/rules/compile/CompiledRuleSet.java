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
    private final List<RuleTraits> traits;
    private final RuleCosts costs;

    /** A set without log-source routing: every rule's predicate runs on every event. */
    public CompiledRuleSet(FieldTable fields, List<CompiledRule> rules) {
        this(fields, rules, null, List.of(), List.of(), null);
    }

    /**
     * A routed set ({@code routes} null means unrouted), the matchers its predicates use, each
     * rule's cost traits (empty if unknown) and the costs its evaluators record into (or null).
     */
    CompiledRuleSet(FieldTable fields, List<CompiledRule> rules, RouteTable routes, List<ValueMatcher> matchers,
            List<RuleTraits> traits, RuleCosts costs) {
        this.fields = fields;
        this.traits = List.copyOf(traits);
        this.costs = costs;
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
        return new RuleEvaluator(rules.toArray(new CompiledRule[0]), routes, costs == null ? null : costs.newRecorder());
    }

    /**
     * The same rules evaluated whenever their log source applies, without the literal
     * pre-filter: the reference the pre-filter is checked against. Same results, slower.
     */
    public CompiledRuleSet withoutPrefilter() {
        return new CompiledRuleSet(fields, rules, routes.withoutPrefilter(), matchers, traits, costs);
    }

    /** The same rules, with every evaluator timing its work into {@code into}. */
    public CompiledRuleSet profiled(RuleCosts into) {
        return new CompiledRuleSet(fields, rules, routes, matchers, traits, into);
    }

    /** The same field table, no rule: what reading and projecting events costs on its own. */
    public CompiledRuleSet withoutRules() {
        return new CompiledRuleSet(fields, List.of());
    }

    /** What makes rule {@code rule} cheap or expensive to evaluate; null for sets built without compiling. */
    public RuleTraits traits(int rule) {
        return traits.isEmpty() ? null : traits.get(rule);
    }
}
