package io.sigscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import io.sigscan.cli.output.RuleTally;
import io.sigscan.engine.correlate.CorrelationCompiler;
import io.sigscan.engine.correlate.CorrelationOptions;
import io.sigscan.engine.correlate.Correlations;
import io.sigscan.rules.compile.CompileResult;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.compile.RuleSetCompiler;
import io.sigscan.rules.filter.FilterApplier;
import io.sigscan.rules.load.LoadResult;
import io.sigscan.rules.load.Placeholders;
import io.sigscan.rules.load.RuleLoader;
import io.sigscan.rules.logsource.LogsourceMapping;
import io.sigscan.rules.model.CorrelationRule;
import io.sigscan.rules.model.Problem;
import io.sigscan.rules.model.RuleInfo;
import io.sigscan.rules.model.SigmaFilter;
import io.sigscan.rules.model.SigmaRule;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Rules loaded and compiled for a command, with every problem found on the way, ordered by
 * file and position. Meta filters are applied to the rules before they compile; correlation rules
 * are resolved against the rules that compiled.
 *
 * @param ruleSet  the rules that compiled
 * @param correlations the correlation rules that resolved
 * @param problems loading and compiling problems, errors and warnings
 * @param loaded   distinct rules in the rule set
 * @param rejected rules dropped: each loading error, plus each loaded rule that did not compile and
 *                 each correlation that did not resolve (so a document with two errors counts twice)
 * @param unselected rules that loaded but were left out by the rule selection, before compiling
 */
record PreparedRules(CompiledRuleSet ruleSet, Correlations correlations, List<Problem> problems, int loaded,
                     int rejected, int unselected) {

    private static final Comparator<Problem> BY_POSITION = Comparator
            .comparing((Problem problem) -> problem.location().file())
            .thenComparingInt(problem -> problem.location().line())
            .thenComparingInt(problem -> problem.location().column());

    PreparedRules {
        problems = List.copyOf(problems);
    }

    /**
     * {@link #prepare} for a command: a missing mapping or placeholders file is a usage error,
     * unreadable rules a rule error, both reported without a stack trace.
     */
    static PreparedRules prepareFor(CommandSpec spec, List<Path> paths, Path mapping, Path placeholders,
                                    Predicate<RuleInfo> selection) {
        return prepareFor(spec, paths, mapping, placeholders, selection, CorrelationOptions.defaults());
    }

    /** {@link #prepareFor(CommandSpec, List, Path, Path, Predicate)}, correlations reading events as {@code options} say. */
    static PreparedRules prepareFor(CommandSpec spec, List<Path> paths, Path mapping, Path placeholders,
                                    Predicate<RuleInfo> selection, CorrelationOptions options) {
        if (mapping != null && !Files.isRegularFile(mapping)) {
            throw new ParameterException(spec.commandLine(), "--mapping: no such file: " + mapping);
        }
        if (placeholders != null && !Files.isRegularFile(placeholders)) {
            throw new ParameterException(spec.commandLine(), "--placeholders: no such file: " + placeholders);
        }
        try {
            return prepare(paths, mapping, placeholders, selection, options);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.RULE_ERRORS, "no such file: " + e.getFile(), e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.RULE_ERRORS, "cannot read rules: " + e.getMessage(), e);
        }
    }

    /**
     * Loads the rule files and directories in {@code paths} (the bundled rules when empty), with
     * the placeholder values in {@code placeholders} (none when null), and compiles those
     * {@code selection} accepts against {@code mapping} (the built-in log-source mapping when null).
     * Problems of the placeholders file are reported with the rules' but reject no rule by themselves.
     */
    static PreparedRules prepare(List<Path> paths, Path mapping, Path placeholders, Predicate<RuleInfo> selection,
                                 CorrelationOptions options) throws IOException {
        if (!paths.isEmpty()) {
            LoadTimeCompilation.keepOptimisingCompilerOffLoading();
        }
        Placeholders values = placeholders == null ? Placeholders.none() : Placeholders.load(placeholders);
        RuleLoader loader = RuleLoader.defaults().withPlaceholders(values);
        List<SigmaRule> loadedRules = new ArrayList<>();
        List<CorrelationRule> correlationRules = new ArrayList<>();
        List<SigmaFilter> filters = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<LoadResult> results = new ArrayList<>();
        if (paths.isEmpty()) {
            for (BundledRules.RuleText text : BundledRules.all()) {
                results.add(loader.load(text.sourceName(), text.yaml()));
            }
        } else {
            results.add(loader.load(paths));
        }
        for (LoadResult result : results) {
            loadedRules.addAll(result.rules());
            correlationRules.addAll(result.correlations());
            filters.addAll(result.filters());
            problems.addAll(result.problems());
        }
        FilterApplier.Result filtered = FilterApplier.apply(loadedRules, filters);
        problems.addAll(filtered.problems());
        List<SigmaRule> rules = new ArrayList<>(filtered.rules());
        // Rules left out while loading: a document counts once however many errors it has.
        int loadErrors = results.stream().mapToInt(LoadResult::rejected).sum()
                + (int) filtered.problems().stream().filter(Problem::isError).count();
        int before = rules.size();
        rules.removeIf(rule -> !selection.test(rule.info()));
        int unselected = before - rules.size();
        problems.addAll(values.problems());
        LogsourceMapping logsources = mapping == null ? LogsourceMapping.builtIn() : LogsourceMapping.load(mapping);
        problems.addAll(logsources.problems());
        CompileResult compiled = RuleSetCompiler.compile(rules, logsources);
        problems.addAll(compiled.problems());
        List<RuleInfo> compiledInfos = compiled.ruleSet().rules().stream().map(rule -> rule.info()).toList();
        CorrelationCompiler.Result correlations = CorrelationCompiler.compile(correlationRules, compiledInfos, options);
        problems.addAll(correlations.problems());
        problems.sort(BY_POSITION);
        int distinct = RuleTally.distinctRules(compiled.ruleSet());
        int unresolved = correlationRules.size() - correlations.correlations().rules().size();
        return new PreparedRules(compiled.ruleSet(), correlations.correlations(), problems, distinct,
                loadErrors + rules.size() - distinct + unresolved, unselected);
    }

    long errors() {
        return problems.stream().filter(Problem::isError).count();
    }

    long warnings() {
        return problems.size() - errors();
    }

    /**
     * Prints errors one per line ({@code file:line:col: error: message [kind]}); warnings too when
     * {@code verbose}, otherwise as one count line.
     */
    void report(PrintWriter err, boolean verbose) {
        for (Problem problem : problems) {
            if (problem.isError() || verbose) {
                err.println(problem);
            }
        }
        long warnings = warnings();
        if (!verbose && warnings > 0) {
            err.println(warnings + (warnings == 1 ? " rule warning" : " rule warnings") + " (--verbose lists them)");
        }
        err.flush();
    }
}
