package io.sigscan.rules.load;

import io.sigscan.rules.model.CorrelationRule;
import io.sigscan.rules.model.Problem;
import io.sigscan.rules.model.SigmaFilter;
import io.sigscan.rules.model.SigmaRule;

import java.util.List;

/**
 * What a load produced: the detection rules, correlation rules and meta filters that loaded
 * cleanly (warnings allowed), each in file and document order, every problem found, in the
 * order found, and how many documents or files were left out for their errors ({@code rejected}:
 * one for a document however many errors it has).
 */
public record LoadResult(List<SigmaRule> rules, List<CorrelationRule> correlations, List<SigmaFilter> filters,
                         List<Problem> problems, int rejected) {

    public LoadResult {
        rules = List.copyOf(rules);
        correlations = List.copyOf(correlations);
        filters = List.copyOf(filters);
        problems = List.copyOf(problems);
    }

    /** A result holding only detection rules; each error is a rejected document. */
    public LoadResult(List<SigmaRule> rules, List<Problem> problems) {
        this(rules, List.of(), List.of(), problems, (int) problems.stream().filter(Problem::isError).count());
    }

    public int errorCount() {
        return (int) problems.stream().filter(Problem::isError).count();
    }

    public int warningCount() {
        return problems.size() - errorCount();
    }
}
