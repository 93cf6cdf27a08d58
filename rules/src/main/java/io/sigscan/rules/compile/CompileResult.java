package io.sigscan.rules.compile;

import java.util.List;

import io.sigscan.rules.model.Problem;

/**
 * The outcome of compiling a rule set: the rules that compiled, and a problem for every rule
 * left out (error) or compiled with a caveat (warning), in rule order.
 */
public record CompileResult(CompiledRuleSet ruleSet, List<Problem> problems) {
    public CompileResult {
        problems = List.copyOf(problems);
    }

    public int errorCount() {
        return (int) problems.stream().filter(Problem::isError).count();
    }

    public int warningCount() {
        return problems.size() - errorCount();
    }
}
