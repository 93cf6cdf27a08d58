package io.sigscan.rules.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;
import io.sigscan.rules.logsource.LogsourceMapping;
import io.sigscan.rules.logsource.LogsourceVariant;
import io.sigscan.rules.match.RegexBudget;
import io.sigscan.rules.match.UnsupportedPatternException;
import io.sigscan.rules.match.ValueMatcher;
import io.sigscan.rules.model.Problem;
import io.sigscan.rules.model.SigmaRule;
import io.sigscan.rules.optimize.Optimizer;
import io.sigscan.rules.prefilter.Needle;
import io.sigscan.rules.prefilter.Prefilter;
import io.sigscan.rules.prefilter.Witnesses;

/**
 * Compiles loaded rules into a routed {@link CompiledRuleSet}.
 *
 * <p>Each rule is compiled once per variant of its log source (see {@link LogsourceMapping}):
 * its detection with the variant's field renames applied, optimised, as one predicate; variants
 * whose renames do not touch the rule share one predicate under the union of their conditions. The
 * field table holds every field any variant reads after renames plus the routing fields.
 * Method handles are built here, so every error surfaces now; each predicate's hidden class is
 * defined when an event first reaches it.
 *
 * <p>Routing semantics: a variant applies to an event when each of its condition fields either
 * is absent from the event (exports often drop {@code Channel}) or has a value equal, as text
 * and ignoring case, to one of the accepted values; a field present with only other values, or
 * with null, excludes the variant. A rule is reported when any applicable variant's predicate
 * matches. A rule whose log source has no mapping runs on every event, with a warning; a rule
 * that cannot be compiled is left out with an error naming it. Nothing is skipped silently.
 */
public final class RuleSetCompiler {
    private static final String NO_MAPPING = "logsource";
    private static final String UNSUPPORTED = "unsupported-pattern";

    private RuleSetCompiler() {
    }

    /** Compiles with the standard optimiser passes. */
    public static CompileResult compile(List<SigmaRule> rules, LogsourceMapping mapping) {
        return compile(rules, mapping, Optimizer.standard());
    }

    public static CompileResult compile(List<SigmaRule> rules, LogsourceMapping mapping, Optimizer optimizer) {
        List<Problem> problems = new ArrayList<>();
        FieldTable.Builder fieldsBuilder = FieldTable.builder();
        Map<Expr, Integer> conditionIndexes = new LinkedHashMap<>();
        List<List<RoutedVariant>> routedRules = new ArrayList<>();
        for (SigmaRule rule : rules) {
            List<LogsourceVariant> variants = mapping.variantsFor(rule.logSource());
            if (variants.isEmpty()) {
                problems.add(new Problem(rule.info().location(), Problem.Severity.WARNING, NO_MAPPING,
                        "rule '" + rule.info().displayName() + "' has log source " + rule.logSource()
                                + ", which has no log-source mapping; it runs on every event"));
                variants = List.of(LogsourceVariant.EVERY_EVENT);
            }
            // Variants whose renames leave the detection unchanged share one predicate under the
            // union of their conditions, so no event runs the same test twice.
            Map<Expr, List<Expr>> conditionsByDetection = new LinkedHashMap<>();
            for (LogsourceVariant variant : variants) {
                Expr detection = optimizer.optimize(variant.rename(rule.detection()));
                conditionsByDetection.computeIfAbsent(detection, key -> new ArrayList<>()).add(variant.condition());
            }
            List<RoutedVariant> routed = new ArrayList<>();
            for (Map.Entry<Expr, List<Expr>> variant : conditionsByDetection.entrySet()) {
                Expr condition = optimizer.optimize(new Expr.Or(variant.getValue()));
                addFields(condition, fieldsBuilder);
                addFields(variant.getKey(), fieldsBuilder);
                int conditionIndex = condition.equals(Expr.TRUE) ? RouteTable.ALWAYS
                        : conditionIndexes.computeIfAbsent(condition, key -> conditionIndexes.size());
                routed.add(new RoutedVariant(conditionIndex, variant.getKey()));
            }
            routedRules.add(routed);
        }

        FieldTable fields = fieldsBuilder.build();
        Map<ValueTest, ValueMatcher> matchers = new HashMap<>();
        PredicateCompiler compiler = new PredicateCompiler(fields, matchers,
                new RegexBudget(RegexBudget.DEFAULT_INSTRUCTIONS));
        EventPredicate[] conditions = new EventPredicate[conditionIndexes.size()];
        for (Map.Entry<Expr, Integer> condition : conditionIndexes.entrySet()) {
            conditions[condition.getValue()] = compiler.predicate(condition.getKey());
        }

        List<CompiledRule> compiled = new ArrayList<>();
        List<List<Needle>> witnesses = new ArrayList<>();
        List<Integer> witnessGroups = new ArrayList<>();
        List<Expr> compiledDetections = new ArrayList<>();
        List<int[]> variantConditions = new ArrayList<>();
        List<EventPredicate[]> variantPredicates = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            SigmaRule rule = rules.get(r);
            List<RoutedVariant> routed = routedRules.get(r);
            int[] conditionOfVariant = new int[routed.size()];
            EventPredicate[] predicateOfVariant = new EventPredicate[routed.size()];
            EventPredicate[] conditionPredicates = new EventPredicate[routed.size()];
            try {
                for (int v = 0; v < routed.size(); v++) {
                    conditionOfVariant[v] = routed.get(v).conditionIndex();
                    predicateOfVariant[v] = compiler.deferredPredicate(routed.get(v).detection());
                    conditionPredicates[v] = conditionOfVariant[v] == RouteTable.ALWAYS ? null : conditions[conditionOfVariant[v]];
                }
            } catch (UnsupportedPatternException unsupported) {
                problems.add(new Problem(rule.info().location(), Problem.Severity.ERROR, UNSUPPORTED,
                        "rule '" + rule.info().displayName() + "' is left out: " + unsupported.getMessage()));
                continue;
            }
            compiled.add(new CompiledRule(compiled.size(), rule.info(), new RoutedPredicate(conditionPredicates, predicateOfVariant)));
            for (RoutedVariant variant : routed) {
                witnesses.add(Witnesses.of(variant.detection()));
                witnessGroups.add(RouteTable.groupOf(variant.conditionIndex()));
            }
            compiledDetections.add(routed.get(0).detection());
            variantConditions.add(conditionOfVariant);
            variantPredicates.add(predicateOfVariant);
        }
        Prefilter.Builder prefilter = Prefilter.builder(fields, witnesses.size());
        for (int v = 0; v < witnesses.size(); v++) {
            prefilter.add(v, witnessGroups.get(v), witnesses.get(v));
        }
        RouteTable routes = RouteTable.of(conditions, routingSlots(conditionIndexes.keySet(), fields),
                variantConditions.toArray(new int[0][]), variantPredicates.toArray(new EventPredicate[0][]),
                prefilter.build());
        List<RuleTraits> traits = new ArrayList<>();
        for (int rule = 0, variant = 0; rule < compiled.size(); rule++) {
            boolean witnessed = true;
            for (int i = 0; i < variantConditions.get(rule).length; i++, variant++) {
                witnessed &= routes.prefilter.isWitnessed(variant);
            }
            traits.add(RuleTraits.of(compiledDetections.get(rule), witnessed));
        }
        return new CompileResult(new CompiledRuleSet(fields, compiled, routes, new ArrayList<>(matchers.values()),
                traits, null), problems);
    }

    private static void addFields(Expr expr, FieldTable.Builder fields) {
        addFields(expr, (Consumer<String>) fields::add);
    }

    /** Tells {@code fields} every field {@code expr} reads (the keyword pseudo-field aside). */
    private static void addFields(Expr expr, Consumer<String> fields) {
        if (expr instanceof Expr.And and) {
            for (Expr operand : and.operands()) {
                addFields(operand, fields);
            }
        } else if (expr instanceof Expr.Or or) {
            for (Expr operand : or.operands()) {
                addFields(operand, fields);
            }
        } else if (expr instanceof Expr.Not not) {
            addFields(not.operand(), fields);
        } else if (expr instanceof Expr.Match match) {
            fields.accept(match.field());
        } else if (expr instanceof Expr.IsNull isNull) {
            fields.accept(isNull.field());
        } else if (expr instanceof Expr.Exists exists) {
            fields.accept(exists.field());
        } else if (expr instanceof Expr.FieldRef fieldRef) {
            fields.accept(fieldRef.field());
            fields.accept(fieldRef.referenced());
        }
    }

    /**
     * The slots the log-source conditions read, in slot order: what decides which of them hold
     * (see {@link RouteCache}); null when one of them reads the keyword pseudo-field.
     */
    private static int[] routingSlots(Set<Expr> conditions, FieldTable fields) {
        Set<String> names = new LinkedHashSet<>();
        for (Expr condition : conditions) {
            if (readsKeywords(condition)) {
                return null;
            }
            addFields(condition, names::add);
        }
        return names.stream().mapToInt(fields::slotOf).sorted().toArray();
    }

    private static boolean readsKeywords(Expr expr) {
        if (expr instanceof Expr.And and) {
            return and.operands().stream().anyMatch(RuleSetCompiler::readsKeywords);
        }
        if (expr instanceof Expr.Or or) {
            return or.operands().stream().anyMatch(RuleSetCompiler::readsKeywords);
        }
        if (expr instanceof Expr.Not not) {
            return readsKeywords(not.operand());
        }
        return expr instanceof Expr.Keyword;
    }

    /** One variant of a rule before compilation: its condition's index and its detection. */
    private record RoutedVariant(int conditionIndex, Expr detection) {
    }
}
