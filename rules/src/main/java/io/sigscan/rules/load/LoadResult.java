package io.sigscan.rules.load;

import io.sigscan.rules.model.Problem;
import io.sigscan.rules.model.SigmaRule;

import java.util.List;

/**
 * What a load produced: the rules that loaded cleanly (warnings allowed) in file and document
 * order, and every problem found, in the order found.
 */
public record LoadResult(List<SigmaRule> rules, List<Problem> problems) {

    public LoadResult {
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }

    public int errorCount() {
        return (int) problems.stream().filter(Problem::isError).count();
    }

    public int warningCount() {
        return problems.size() - errorCount();
    }
}
