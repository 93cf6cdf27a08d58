package io.sigscan.rules.load;

import io.sigscan.rules.model.CorrelationRule;
import io.sigscan.rules.model.Problem;
import io.sigscan.rules.model.SigmaFilter;
import io.sigscan.rules.model.SigmaRule;

import java.util.List;

/**
 * What a load produced: the detection rules, correlation rules and meta filters that loaded
 * cleanly (warnings allowed), each in file and document order, and every problem found, in the
 * order found.
 */
public record LoadResult(List<SigmaRule> rules, List<CorrelationRule> correlations, List<SigmaFilter> filters,
                         List<Problem> problems) {

    public LoadResult {
        rules = List.copyOf(rules);
        correlations = List.copyOf(correlations);
        filters = List.copyOf(filters);
        problems = List.copyOf(problems);
    }

    /** A result holding only detection rules. */
    public LoadResult(List<SigmaRule> rules, List<Problem> problems) {
        this(rules, List.of(), List.of(), problems);
    }

    public int errorCount() {
        return (int) problems.stream().filter(Problem::isError).count();
    }

    public int warningCount() {
        return problems.size() - errorCount();
    }
}
