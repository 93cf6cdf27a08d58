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
 * Profiles a rule set on a sample, on one thread: a warm-up scan (so the JIT has compiled the
 * predicates and the pre-filter), plain scans (the time to explain: the fastest of
 * {@value #PLAIN_SCANS}), scans with the same fields and no rule (reading and projection, the
 * fastest of {@value #READING_SCANS}), and a timed scan (candidates and each rule). Taking the
 * fastest of several keeps the JIT still compiling after one warm-up (rules whose regexes build
 * their DFAs late, on real logs) out of the time to explain. Matches are counted, not kept.
 */
public final class Profiler {
    static final int PLAIN_SCANS = 3;
    static final int READING_SCANS = 2;

    private Profiler() {
    }

    /** Profiles {@code rules} on {@code inputs}; problems of the first plain scan go to {@code problems}. */
    public static Profile run(CompiledRuleSet rules, List<Path> inputs, ScanProblemHandler problems) {
        Scanner plain = new Scanner(rules, oneThread());
        plain.scan(inputs, match -> { }, problem -> { });
        ScanSummary summary = null;
        long measured = Long.MAX_VALUE;
        for (int i = 0; i < PLAIN_SCANS; i++) {
            long start = System.nanoTime();
            ScanSummary scanned = plain.scan(inputs, match -> { }, i == 0 ? problems : problem -> { });
            measured = Math.min(measured, System.nanoTime() - start);
            summary = summary == null ? scanned : summary;
        }

        Scanner withoutRules = new Scanner(rules.withoutRules(), oneThread());
        long reading = Long.MAX_VALUE;
        for (int i = 0; i < READING_SCANS; i++) {
            long start = System.nanoTime();
            withoutRules.scan(inputs, match -> { }, problem -> { });
            reading = Math.min(reading, System.nanoTime() - start);
        }

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
