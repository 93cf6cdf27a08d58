package io.sigscan.engine.correlate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.model.CorrelationRule;
import io.sigscan.rules.model.Problem;
import io.sigscan.rules.model.RuleInfo;
import io.sigscan.rules.model.RuleReference;

/**
 * Resolves correlation rules against the rules that compiled and against each other. A reference
 * (id or name) may name rules, correlations or both; one that names nothing rejects its
 * correlation, and so does a reference cycle or a reference to a rejected correlation, each with an
 * error at the reference. A rule or correlation referenced by any correlation whose
 * {@code generate} is false (the default) is hidden: its own matches or alerts feed correlations
 * but are not passed on. An alias mapping a rule the correlation does not reference is a warning.
 */
public final class CorrelationCompiler {
    private static final String KIND = "correlation";

    private CorrelationCompiler() {
    }

    /** The resolved correlations, and an error for each correlation left out. */
    public record Result(Correlations correlations, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param correlations loaded correlation rules, in load order
     * @param rules        the compiled rule set's rules' metadata, indexed like the set
     */
    public static Result compile(List<CorrelationRule> correlations, List<RuleInfo> rules, CorrelationOptions options) {
        List<Problem> problems = new ArrayList<>();
        int n = correlations.size();
        int[][] ruleSources = new int[n][];
        int[][] correlationSources = new int[n][];
        int[][] ruleSlots = new int[n][];
        int[][] correlationSlots = new int[n][];
        boolean[] rejected = new boolean[n];
        for (int c = 0; c < n; c++) {
            rejected[c] = !resolve(c, correlations, rules, problems, ruleSources, correlationSources, ruleSlots,
                    correlationSlots);
        }
        rejectCycles(correlations, correlationSources, rejected, problems);
        rejectDependents(correlations, correlationSources, correlationSlots, rejected, problems);

        int[] newIndex = new int[n];
        List<CorrelationRule> accepted = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            newIndex[c] = rejected[c] ? -1 : accepted.size();
            if (!rejected[c]) {
                accepted.add(correlations.get(c));
            }
        }
        FieldTable.Builder fields = FieldTable.builder();
        List<List<Subscription>> byRule = emptyLists(rules.size());
        List<List<Subscription>> byCorrelation = emptyLists(accepted.size());
        boolean[] ruleVisible = new boolean[rules.size()];
        boolean[] correlationVisible = new boolean[accepted.size()];
        Arrays.fill(ruleVisible, true);
        Arrays.fill(correlationVisible, true);
        for (int c = 0; c < n; c++) {
            if (rejected[c]) {
                continue;
            }
            CorrelationRule correlation = correlations.get(c);
            warnAboutUnusedAliases(correlation, ruleSources[c], correlationSources[c], rules, correlations, problems);
            for (int i = 0; i < ruleSources[c].length; i++) {
                int rule = ruleSources[c][i];
                byRule.get(rule).add(new Subscription(newIndex[c], ruleSlots[c][i],
                        slots(correlation, correlation.groupBy(), rules.get(rule), fields),
                        slots(correlation, correlation.condition().fields(), null, fields)));
                ruleVisible[rule] &= correlation.generate();
            }
            for (int i = 0; i < correlationSources[c].length; i++) {
                CorrelationRule source = correlations.get(correlationSources[c][i]);
                int sourceIndex = newIndex[correlationSources[c][i]];
                byCorrelation.get(sourceIndex).add(new Subscription(newIndex[c], correlationSlots[c][i],
                        positions(correlation, correlation.groupBy(), source, true),
                        positions(correlation, correlation.condition().fields(), source, false)));
                correlationVisible[sourceIndex] &= correlation.generate();
            }
        }
        int[] timeSlots = new int[options.timeFields().size()];
        for (int i = 0; i < timeSlots.length; i++) {
            timeSlots[i] = fields.add(options.timeFields().get(i));
        }
        Correlations resolved = new Correlations(accepted, toArrays(byRule), toArrays(byCorrelation), ruleVisible,
                correlationVisible, fields.build(), timeSlots, options);
        return new Result(resolved, problems);
    }

    /** Resolves the references of correlation {@code c}; false after reporting one that names nothing. */
    private static boolean resolve(int c, List<CorrelationRule> correlations, List<RuleInfo> rules,
                                   List<Problem> problems, int[][] ruleSources, int[][] correlationSources,
                                   int[][] ruleSlots, int[][] correlationSlots) {
        CorrelationRule correlation = correlations.get(c);
        List<int[]> ruleHits = new ArrayList<>();
        List<int[]> correlationHits = new ArrayList<>();
        boolean resolved = true;
        for (int slot = 0; slot < correlation.rules().size(); slot++) {
            RuleReference reference = correlation.rules().get(slot);
            int before = ruleHits.size() + correlationHits.size();
            for (int r = 0; r < rules.size(); r++) {
                if (reference.names(rules.get(r)) && !contains(ruleHits, r)) {
                    ruleHits.add(new int[] {r, slot});
                }
            }
            for (int other = 0; other < correlations.size(); other++) {
                if (reference.names(correlations.get(other).info()) && !contains(correlationHits, other)) {
                    correlationHits.add(new int[] {other, slot});
                }
            }
            if (ruleHits.size() + correlationHits.size() == before && !namesAnyOf(reference, rules, correlations)) {
                problems.add(error(reference, correlation,
                        "references '" + reference.text() + "', which is no loaded rule or correlation (by id or name)"));
                resolved = false;
            }
        }
        ruleSources[c] = ruleHits.stream().mapToInt(hit -> hit[0]).toArray();
        ruleSlots[c] = ruleHits.stream().mapToInt(hit -> hit[1]).toArray();
        correlationSources[c] = correlationHits.stream().mapToInt(hit -> hit[0]).toArray();
        correlationSlots[c] = correlationHits.stream().mapToInt(hit -> hit[1]).toArray();
        return resolved;
    }

    private static void warnAboutUnusedAliases(CorrelationRule correlation, int[] ruleSources, int[] correlationSources,
                                               List<RuleInfo> rules, List<CorrelationRule> correlations,
                                               List<Problem> problems) {
        List<RuleInfo> sources = new ArrayList<>();
        for (int rule : ruleSources) {
            sources.add(rules.get(rule));
        }
        for (int source : correlationSources) {
            sources.add(correlations.get(source).info());
        }
        correlation.aliases().forEach((alias, fields) -> fields.keySet().forEach(rule -> {
            if (sources.stream().noneMatch(source -> rule.equals(source.name()) || rule.equals(source.id()))) {
                problems.add(new Problem(correlation.info().location(), Problem.Severity.WARNING, KIND, "correlation '"
                        + correlation.info().displayName() + "' aliases '" + alias + "' for rule '" + rule
                        + "', which it does not reference; that mapping is never used"));
            }
        }));
    }

    private static boolean namesAnyOf(RuleReference reference, List<RuleInfo> rules, List<CorrelationRule> correlations) {
        return rules.stream().anyMatch(reference::names)
                || correlations.stream().anyMatch(correlation -> reference.names(correlation.info()));
    }

    private static boolean contains(List<int[]> hits, int source) {
        return hits.stream().anyMatch(hit -> hit[0] == source);
    }

    /** Rejects every correlation on a cycle of correlation references. */
    private static void rejectCycles(List<CorrelationRule> correlations, int[][] sources, boolean[] rejected,
                                     List<Problem> problems) {
        int n = correlations.size();
        for (int start = 0; start < n; start++) {
            if (reachable(start, start, sources, new boolean[n])) {
                rejected[start] = true;
                problems.add(error(null, correlations.get(start), "is part of a reference cycle of correlations; "
                        + "a correlation cannot depend on its own alerts"));
            }
        }
    }

    private static boolean reachable(int target, int from, int[][] sources, boolean[] seen) {
        for (int source : sources[from]) {
            if (source == target) {
                return true;
            }
            if (!seen[source]) {
                seen[source] = true;
                if (reachable(target, source, sources, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Rejects, until nothing changes, every correlation that references a rejected one. */
    private static void rejectDependents(List<CorrelationRule> correlations, int[][] sources, int[][] slots,
                                         boolean[] rejected, List<Problem> problems) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int c = 0; c < correlations.size(); c++) {
                if (rejected[c]) {
                    continue;
                }
                for (int i = 0; i < sources[c].length; i++) {
                    if (rejected[sources[c][i]]) {
                        CorrelationRule correlation = correlations.get(c);
                        RuleReference reference = correlation.rules().get(slots[c][i]);
                        problems.add(error(reference, correlation, "references correlation '" + reference.text()
                                + "', which was left out"));
                        rejected[c] = true;
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /** Field-table slots of {@code names} in events of {@code source} (aliases applied when a rule is given). */
    private static int[] slots(CorrelationRule correlation, List<String> names, RuleInfo source,
                               FieldTable.Builder fields) {
        int[] slots = new int[names.size()];
        for (int i = 0; i < slots.length; i++) {
            String name = source == null ? names.get(i) : correlation.fieldFor(names.get(i), source);
            slots[i] = fields.add(name);
        }
        return slots;
    }

    /**
     * Where each of {@code names} sits in the group-by of the source correlation (-1 when it has no
     * such entry): a chained correlation sees only the group values of the alerts it correlates.
     */
    private static int[] positions(CorrelationRule correlation, List<String> names, CorrelationRule source,
                                   boolean aliased) {
        int[] positions = new int[names.size()];
        for (int i = 0; i < positions.length; i++) {
            String name = aliased ? correlation.fieldFor(names.get(i), source.info()) : names.get(i);
            positions[i] = source.groupBy().indexOf(name);
        }
        return positions;
    }

    private static Problem error(RuleReference at, CorrelationRule correlation, String message) {
        return new Problem(at != null ? at.location() : correlation.info().location(), Problem.Severity.ERROR, KIND,
                "correlation '" + correlation.info().displayName() + "' is left out: it " + message);
    }

    private static List<List<Subscription>> emptyLists(int size) {
        List<List<Subscription>> lists = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private static Subscription[][] toArrays(List<List<Subscription>> lists) {
        Subscription[][] arrays = new Subscription[lists.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = lists.get(i).toArray(new Subscription[0]);
        }
        return arrays;
    }
}
