package io.sigscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.sigscan.cli.output.AtomicFile;
import io.sigscan.cli.output.InputProblemReporter;
import io.sigscan.cli.profile.Profile;
import io.sigscan.cli.profile.ProfileWriter;
import io.sigscan.cli.profile.Profiler;
import io.sigscan.cli.select.RuleSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sigscan profile}: what each rule costs on a sample of logs. */
@Command(name = "profile",
        description = {
            "Measures what each rule costs on a sample of logs: nanoseconds per event, events it was evaluated on"
                    + " after pre-filtering, hits, and why it is expensive (no pre-filter witness, regexes, leading"
                    + " wildcards, many alternatives).",
            "Scans the sample on one thread (warm-up, plain three times, without rules twice, timed) and checks that reading,"
                    + " choosing candidates and the rules add up to the plain scan's time. Give it a sample that takes"
                    + " a few seconds to scan.",
        })
final class ProfileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "table (default, sorted by cost), json or html (a self-contained page with charts).")
    ProfileWriter format = ProfileWriter.TABLE;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the profile to FILE instead of stdout (written beside it, then renamed).")
    Path output;

    @Option(names = "--top", paramLabel = "N",
            description = "Rules listed in the table, costliest first (default: 40; 0 for all). JSON and HTML list all.")
    int top = 40;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Sample log files or directories.")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        if (top < 0) {
            throw new ParameterException(spec.commandLine(), "--top must be 0 or more, not " + top);
        }
        PreparedRules prepared = rules.prepare(false, RuleSelection.all());
        PrintWriter err = spec.commandLine().getErr();
        InputProblemReporter problems = new InputProblemReporter(err, Hunt.SHOWN_INPUT_PROBLEMS);
        Profile profile = Profiler.run(prepared.ruleSet(), inputs, problems);
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            format.write(profile, top, out);
            out.flush();
        } else {
            try (AtomicFile file = AtomicFile.create(output)) {
                PrintWriter out = new PrintWriter(file.writer());
                format.write(profile, top, out);
                out.flush();
                file.commit();
            }
        }
        if (format != ProfileWriter.TABLE || output != null) {
            ProfileWriter.summary(profile, err);
        }
        err.flush();
        return problems.first().isEmpty() ? ExitCodes.NO_MATCH : ExitCodes.INPUT_ERRORS;
    }
}
