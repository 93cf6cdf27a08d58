package io.sigscan.cli.profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.ScanProblemHandler;
import io.sigscan.engine.ScanSummary;
import io.sigscan.engine.Scanner;
import io.sigscan.rules.compile.CompiledRule;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.compile.RuleCosts;
import io.sigscan.rules.compile.RuleTraits;

/**
 * Profiles a rule set on a sample, on one thread, in four scans: a warm-up (so the JIT has
 * compiled the predicates and the pre-filter), a plain scan (the time to explain), a scan with
 * the same fields and no rule (reading and projection), and a timed scan (candidates and each
 * rule). Matches are counted, not kept.
 */
public final class Profiler {

    private Profiler() {
    }

    /** Profiles {@code rules} on {@code inputs}; problems of the plain scan go to {@code problems}. */
    public static Profile run(CompiledRuleSet rules, List<Path> inputs, ScanProblemHandler problems) {
        Scanner plain = new Scanner(rules, oneThread());
        plain.scan(inputs, match -> { }, problem -> { });
        long start = System.nanoTime();
        ScanSummary summary = plain.scan(inputs, match -> { }, problems);
        long measured = System.nanoTime() - start;

        start = System.nanoTime();
        new Scanner(rules.withoutRules(), oneThread()).scan(inputs, match -> { }, problem -> { });
        long reading = System.nanoTime() - start;

        RuleCosts costs = new RuleCosts(rules.rules().size());
        new Scanner(rules.profiled(costs), oneThread()).scan(inputs, match -> { }, problem -> { });

        List<RuleCost> perRule = new ArrayList<>();
        for (CompiledRule rule : rules.rules()) {
            RuleTraits traits = rules.traits(rule.index());
            perRule.add(new RuleCost(rule.info(), costs.nanos(rule.index()), costs.evaluations(rule.index()),
                    costs.hits(rule.index()), traits == null ? List.of() : traits.reasons()));
        }
        return new Profile(summary.files(), summary.bytes(), summary.events(), measured, reading, costs.candidateNanos(),
                costs.matchNanos(), costs.clockNanos(), perRule);
    }

    private static ScanOptions oneThread() {
        return ScanOptions.defaults().withThreads(1);
    }
}
