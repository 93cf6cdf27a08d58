package io.sigscan.engine.correlate;

import java.util.List;

import io.sigscan.engine.MatchHandler;
import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.model.CorrelationRule;

/**
 * Correlation rules resolved against a compiled rule set, ready to evaluate: immutable, and each
 * scan asks for its own {@link CorrelatingMatchHandler}. Built by {@link CorrelationCompiler}.
 */
public final class Correlations {
    final List<CorrelationRule> rules;
    final Subscription[][] byRule;
    final Subscription[][] byCorrelation;
    final boolean[] ruleVisible;
    final boolean[] correlationVisible;
    final FieldTable fields;
    final int[] timeSlots;
    final CorrelationOptions options;

    Correlations(List<CorrelationRule> rules, Subscription[][] byRule, Subscription[][] byCorrelation,
                 boolean[] ruleVisible, boolean[] correlationVisible, FieldTable fields, int[] timeSlots,
                 CorrelationOptions options) {
        this.rules = List.copyOf(rules);
        this.byRule = byRule;
        this.byCorrelation = byCorrelation;
        this.ruleVisible = ruleVisible;
        this.correlationVisible = correlationVisible;
        this.fields = fields;
        this.timeSlots = timeSlots;
        this.options = options;
    }

    /** The correlations that resolved, in load order; alerts and statistics index them so. */
    public List<CorrelationRule> rules() {
        return rules;
    }

    /**
     * A handler for one scan's ordered matches: it passes on the matches of rules no correlation
     * hides to {@code matches}, and raises alerts to {@code alerts}, each right after the match
     * that completed it. Single-threaded, like the match stream.
     */
    public CorrelatingMatchHandler newHandler(MatchHandler matches, CorrelationAlertHandler alerts) {
        return new CorrelatingMatchHandler(this, matches, alerts);
    }
}
