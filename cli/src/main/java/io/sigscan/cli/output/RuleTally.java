package io.sigscan.cli.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sigscan.rules.compile.CompiledRule;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.model.RuleInfo;

/** Matches per rule, most first; a rule compiled for several log-source variants counts once. */
public record RuleTally(RuleInfo rule, long matches) {

    /** The rules that matched at least once, most matches first, then in rule-set order. */
    public static List<RuleTally> of(CompiledRuleSet ruleSet, long[] matchesPerRule) {
        Map<RuleInfo, Long> totals = new LinkedHashMap<>();
        List<CompiledRule> rules = ruleSet.rules();
        for (int i = 0; i < rules.size() && i < matchesPerRule.length; i++) {
            if (matchesPerRule[i] > 0) {
                totals.merge(rules.get(i).info(), matchesPerRule[i], Long::sum);
            }
        }
        List<RuleTally> tallies = new ArrayList<>();
        totals.forEach((rule, matches) -> tallies.add(new RuleTally(rule, matches)));
        tallies.sort(Comparator.comparingLong(RuleTally::matches).reversed());
        return List.copyOf(tallies);
    }

    /** How many distinct rules a compiled set holds (variants of one rule count once). */
    public static int distinctRules(CompiledRuleSet ruleSet) {
        return (int) ruleSet.rules().stream().map(CompiledRule::info).distinct().count();
    }
}
