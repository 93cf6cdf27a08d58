package io.sigscan.rules.logsource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import io.sigscan.rules.compile.CompileResult;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.compile.RuleSetCompiler;
import io.sigscan.rules.compile.TestEvent;
import io.sigscan.rules.load.LoadResult;
import io.sigscan.rules.load.RuleLoader;
import io.sigscan.rules.model.Problem;

/** Rules compiled with the built-in mapping, and the titles of those an event runs. */
final class RoutingFixtures {
    private RoutingFixtures() {
    }

    /** {@code yaml} loaded and compiled with the built-in mapping, which must report no problem. */
    static CompiledRuleSet compileClean(String name, String yaml) {
        LoadResult loaded = RuleLoader.defaults().load(name, yaml);
        assertEquals(List.of(), loaded.problems());
        CompileResult result = RuleSetCompiler.compile(loaded.rules(), LogsourceMapping.builtIn());
        assertEquals(List.of(), result.problems().stream().map(Problem::toString).toList());
        return result.ruleSet();
    }

    /** The titles of the rules of {@code rules} that match {@code event}, in rule order. */
    static List<String> titlesMatching(CompiledRuleSet rules, TestEvent event) {
        List<String> titles = new ArrayList<>();
        rules.newEvaluator().evaluate(event, rule -> titles.add(rule.info().title()));
        return titles;
    }
}
