package io.sigscan.rules.load;

import io.sigscan.rules.model.CorrelationRule;
import io.sigscan.rules.model.Problem;
import io.sigscan.rules.model.RuleInfo;
import io.sigscan.rules.model.SigmaFilter;
import io.sigscan.rules.model.SigmaRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The documents, {@code rejected} others left out for their errors, with {@code problems} and a
     * warning for each id or name another document already has.
     */
    LoadResult result(List<Problem> problems, int rejected) {
        List<Problem> all = new ArrayList<>(problems);
        List<RuleInfo> infos = new ArrayList<>();
        rules.forEach(rule -> infos.add(rule.info()));
        correlations.forEach(correlation -> infos.add(correlation.info()));
        filters.forEach(filter -> infos.add(filter.info()));
        Map<String, RuleInfo> byId = new HashMap<>();
        Map<String, RuleInfo> byName = new HashMap<>();
        for (RuleInfo info : infos) {
            duplicate(all, byId, info, info.id(), "id");
            duplicate(all, byName, info, info.name(), "name");
        }
        return new LoadResult(rules, correlations, filters, all, rejected);
    }

    /**
     * Ids and names are unique by the specification; two documents sharing one both load, but a
     * filter or correlation naming it then takes both: worth a warning at the second.
     */
    private static void duplicate(List<Problem> problems, Map<String, RuleInfo> seen, RuleInfo info, String key,
                                  String what) {
        if (key == null) {
            return;
        }
        RuleInfo first = seen.putIfAbsent(key, info);
        if (first != null) {
            problems.add(new Problem(info.location(), Problem.Severity.WARNING, ProblemKind.METADATA, what + " '" + key
                    + "' is also the " + what + " of '" + first.displayName() + "' at " + first.location()
                    + "; filters and correlations naming it apply to both"));
        }
    }
}
