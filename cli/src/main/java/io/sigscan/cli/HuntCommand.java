package io.sigscan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.sigscan.cli.output.AtomicFile;
import io.sigscan.cli.output.MatchWriter;
import io.sigscan.cli.output.OutputFormat;
import io.sigscan.cli.output.StatsFile;
import io.sigscan.cli.output.SummaryPrinter;
import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.json.FieldProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sigscan hunt}: runs rules over logs and writes every match. */
@Command(name = "hunt",
        description = {
            "Runs Sigma rules over JSON-lines and EVTX logs and writes every match.",
            "Rule problems and input problems go to stderr with their location; a summary follows the scan.",
        },
        footer = {
            "",
            "Output (-f jsonl): one object per match and line, absent rule fields left out:",
            "  {\"rule\":{\"id\",\"title\",\"level\",\"author\",\"tags\":[...]},",
            "   \"source\":{\"file\",\"offset\",\"line\"|\"record\"},\"event\":{...}}",
        })
final class HuntCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Mixin
    ThreadsOption threads;

    /** Null: detected per file. */
    private FieldProfile profile;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "How JSON keys map onto Sigma field names: auto (default: detected per file from its first"
                    + " records), sigma (flat Sysmon/NXLog exports and nested EVTX dumps) or ecs (Winlogbeat / Elastic"
                    + " Common Schema).")
    void setProfile(String name) {
        if (name.equalsIgnoreCase("auto")) {
            profile = null;
            return;
        }
        profile = FieldProfile.named(name);
        if (profile == null) {
            throw new ParameterException(spec.commandLine(), "--profile: unknown profile '" + name
                    + "'; expected auto, sigma or ecs");
        }
    }

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "jsonl (default), csv (RFC 4180, with a header) or table (aligned, for people).")
    OutputFormat format = OutputFormat.JSONL;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write matches to FILE instead of stdout. FILE appears complete or not at all"
                    + " (written beside it, then renamed).")
    Path output;

    @Option(names = "--stats", paramLabel = "FILE",
            description = "Write scan statistics as JSON to FILE (files, bytes, events, matches, errors, rules, seconds,"
                    + " rates, matches per rule).")
    Path stats;

    @Option(names = {"-v", "--verbose"}, description = "List every rule warning and every input problem.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "No summary after the scan; problems are still reported.")
    boolean quiet;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Log files (JSON lines, concatenated JSON, EVTX) or directories (read recursively).")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        requireDirectoryFor(output, "--output");
        requireDirectoryFor(stats, "--stats");
        PreparedRules prepared = rules.prepare(verbose);
        Hunt.Outcome outcome = output == null ? huntTo(spec.commandLine().getOut(), prepared) : huntToFile(prepared);
        if (stats != null) {
            try (AtomicFile file = AtomicFile.create(stats)) {
                file.writer().write(StatsFile.json(outcome.report()));
                file.commit();
            } catch (IOException e) {
                throw unwritable(stats, e);
            }
        }
        if (!quiet) {
            SummaryPrinter.print(spec.commandLine().getErr(), outcome.report(), outcome.firstProblems());
        }
        return outcome.exitCode();
    }

    private Hunt.Outcome huntToFile(PreparedRules prepared) {
        try (AtomicFile file = AtomicFile.create(output)) {
            Hunt.Outcome outcome = huntTo(file.writer(), prepared);
            file.commit();
            return outcome;
        } catch (IOException e) {
            throw unwritable(output, e);
        }
    }

    private Hunt.Outcome huntTo(Writer out, PreparedRules prepared) {
        MatchWriter writer = MatchWriter.create(format, out);
        try {
            ScanOptions options = ScanOptions.defaults().withThreads(threads.threads()).withProfile(profile);
            Hunt.Outcome outcome = Hunt.run(prepared, inputs, options, verbose, writer, spec.commandLine().getErr());
            writer.finish();
            return outcome;
        } catch (IOException e) {
            throw unwritable(output, e);
        } catch (UncheckedIOException e) {
            throw unwritable(output, e.getCause());
        }
    }

    private CliException unwritable(Path file, IOException e) {
        String what = file == null ? "the output" : file.toString();
        return new CliException(ExitCodes.INTERNAL, "cannot write " + what + ": " + e.getMessage(), e);
    }

    private void requireDirectoryFor(Path file, String option) {
        if (file == null) {
            return;
        }
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new ParameterException(spec.commandLine(), option + ": directory " + directory + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), option + ": " + file + " is a directory");
        }
    }
}
