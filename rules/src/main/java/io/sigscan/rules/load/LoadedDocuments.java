package io.sigscan.rules.load;

import io.sigscan.rules.model.CorrelationRule;
import io.sigscan.rules.model.Problem;
import io.sigscan.rules.model.SigmaFilter;
import io.sigscan.rules.model.SigmaRule;

import java.util.ArrayList;
import java.util.List;

/** The good documents of one load so far, by kind, in document order. */
final class LoadedDocuments {
    final List<SigmaRule> rules = new ArrayList<>();
    final List<CorrelationRule> correlations = new ArrayList<>();
    final List<SigmaFilter> filters = new ArrayList<>();

    void addAll(LoadResult result) {
        rules.addAll(result.rules());
        correlations.addAll(result.correlations());
        filters.addAll(result.filters());
    }

    LoadResult result(List<Problem> problems) {
        return new LoadResult(rules, correlations, filters, problems);
    }
}
