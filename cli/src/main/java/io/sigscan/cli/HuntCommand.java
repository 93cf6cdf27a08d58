package io.sigscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

import io.sigscan.cli.output.AtomicFile;
import io.sigscan.cli.output.HtmlReport;
import io.sigscan.cli.output.MatchWriter;
import io.sigscan.cli.output.OutputFormat;
import io.sigscan.cli.output.ProgressBar;
import io.sigscan.cli.output.StatsFile;
import io.sigscan.cli.output.SummaryPrinter;
import io.sigscan.cli.select.RuleSelection;
import io.sigscan.engine.MatchHandler;
import io.sigscan.engine.ScanListener;
import io.sigscan.engine.correlate.CorrelationOptions;
import io.sigscan.engine.input.InputEntry;
import io.sigscan.engine.input.InputFiles;
import io.sigscan.engine.json.FieldProfile;
import io.sigscan.engine.state.IncrementalPlan;
import io.sigscan.engine.state.StateLockedException;
import io.sigscan.engine.state.StateStore;
import io.sigscan.engine.time.EventTime;
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
            "Correlation alerts follow the matches, in event-time order:",
            "  {\"rule\":{...},\"correlation\":{\"type\",\"timespan\",\"group\":{...},\"window\":{\"start\",\"end\"},",
            "   \"value\",\"eventCount\",\"events\":[{\"file\",\"offset\"}...]}}",
            "Rules that correlation rules use without 'generate: true' only feed them.",
            "",
            "Scheduled scans: with --state DIR each run reads only what is new since the last run (appended bytes,"
                    + " new files, rotated files by identity) and -o FILE receives that run's new matches; the state"
                    + " advances only once FILE is safely written. Exit code 6 when another run holds DIR.",
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
                    + " (written beside it, then renamed). With --state: this run's new matches.")
    Path output;

    @Option(names = "--stats", paramLabel = "FILE",
            description = "Write scan statistics as JSON to FILE (files, bytes, events, matches, errors, rules, seconds,"
                    + " rates, matches per rule).")
    Path stats;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write a self-contained HTML page to FILE: run statistics, hits over time, top rules, top hosts.")
    Path report;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Incremental scan: remember in DIR what was read, and read only what is new next time."
                    + " One run at a time per DIR.")
    Path state;

    @Option(names = "--min-level", paramLabel = "LEVEL",
            description = "Run only rules of this level or higher: informational, low, medium, high, critical.")
    String minLevel;

    @Option(names = "--status", paramLabel = "S", split = ",",
            description = "Run only rules with one of these statuses (stable, test, experimental, deprecated,"
                    + " unsupported).")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "T", split = ",",
            description = "Run only rules with one of these tags (wildcards * and ?, e.g. attack.t1059*).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--include-rule", paramLabel = "ID|GLOB",
            description = "Run only rules whose id, title, file name or path matches; repeatable.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude-rule", paramLabel = "ID|GLOB",
            description = "Do not run rules whose id, title, file name or path matches; repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--from", paramLabel = "TIME",
            description = "Keep matches of events at or after TIME (ISO 8601 or epoch seconds, UTC unless a zone is"
                    + " given; event time as --time-field says).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Keep matches of events before TIME.")
    String to;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Read options from a YAML map of long option names to values (inputs: a list of INPUTs);"
                    + " options on the command line win.")
    Path config;

    @Option(names = "--time-field", paramLabel = "FIELD",
            description = "Field holding an event's time, for --from/--to, correlation windows and --report;"
                    + " repeatable, the first that holds a time wins. Default: TimeCreated_SystemTime,"
                    + " Event.System.TimeCreated.SystemTime, Event.System.TimeCreated_attributes.SystemTime,"
                    + " TimeCreated, @timestamp, timestamp, UtcTime, EventTime.")
    List<String> timeFields = new ArrayList<>();

    @Option(names = "--correlation-buffer", paramLabel = "N",
            description = "Correlated matches held to put them in event-time order before they enter the"
                    + " correlation windows (default: ${DEFAULT-VALUE}); matches beyond it more than a timespan late"
                    + " are counted, not correlated.")
    int correlationBuffer = CorrelationOptions.defaults().maxPendingMatches();

    @Option(names = {"-v", "--verbose"}, description = "List every rule warning and every input problem.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "No summary after the scan; problems are still reported.")
    boolean quiet;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Log files (JSON lines, concatenated JSON, EVTX) or directories (read recursively).")
    List<Path> inputs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (inputs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'INPUT'");
        }
        requireDirectoryFor(output, "--output");
        requireDirectoryFor(stats, "--stats");
        requireDirectoryFor(report, "--report");
        List<String> eventTimeFields = timeFields.isEmpty() ? EventTime.DEFAULT_FIELDS : timeFields;
        Hunt.Settings settings = new Hunt.Settings(threads.threads(), verbose, time(from, "--from"), time(to, "--to"),
                eventTimeFields, profile);
        if (settings.from() != null && settings.to() != null && !settings.from().isBefore(settings.to())) {
            throw new ParameterException(spec.commandLine(), "--from " + from + " is not before --to " + to);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (correlationBuffer < 0) {
            throw new ParameterException(spec.commandLine(), "--correlation-buffer must not be negative, not "
                    + correlationBuffer);
        }
        CorrelationOptions correlations = CorrelationOptions.defaults().withMaxPendingMatches(correlationBuffer);
        PreparedRules prepared = rules.prepare(verbose, selection(), correlations.withTimeFields(eventTimeFields));
        if (prepared.unselected() > 0 && !quiet) {
            err.printf(Locale.ROOT, "rules: %,d left out by the rule selection%n", prepared.unselected());
        }
        HtmlReport page = report == null ? null : new HtmlReport(new EventTime(eventTimeFields));
        Hunt.Outcome outcome = state == null ? huntEverything(prepared, settings, page)
                : huntIncrementally(prepared, settings, page);
        if (stats != null) {
            writeAtomically(stats, StatsFile.json(outcome.report()));
        }
        if (page != null) {
            writeAtomically(report, page.html(outcome.report(), Instant.now()));
        }
        if (!quiet) {
            SummaryPrinter.print(err, outcome.report(), outcome.firstProblems());
            if (outcome.untimed() > 0) {
                err.printf(Locale.ROOT, "%,d matches kept without a readable event time (--from/--to)%n",
                        outcome.untimed());
            }
            err.flush();
        }
        return outcome.exitCode();
    }

    private Hunt.Outcome huntEverything(PreparedRules prepared, Hunt.Settings settings, HtmlReport page) {
        Hunt.Reading reading = Hunt.Reading.of(inputs);
        ScanListener progress = progress(ScanListener.NONE, () -> totalBytes(inputs));
        if (output == null) {
            return huntTo(spec.commandLine().getOut(), prepared, settings, page, reading, progress, null);
        }
        try (AtomicFile file = AtomicFile.create(output)) {
            Hunt.Outcome outcome = huntTo(file.writer(), prepared, settings, page, reading, progress, null);
            file.commit();
            return outcome;
        } catch (IOException e) {
            throw unwritable(output, e);
        }
    }

    /**
     * Reads what is new since the last run with this state, then commits: the output is synced
     * under a temporary name, the state (naming that output) replaces the old one, the output is
     * renamed. Killed at any point before the state's rename, the run leaves the old state in
     * force; after it, the next run finishes the rename.
     */
    private Hunt.Outcome huntIncrementally(PreparedRules prepared, Hunt.Settings settings, HtmlReport page) {
        try (StateStore store = openState()) {
            if (store.previousHolder() > 0) {
                spec.commandLine().getErr().println("sigscan: took over the lock of " + state
                        + " from pid " + store.previousHolder() + ", which ended without releasing it");
            }
            IncrementalPlan plan = IncrementalPlan.of(store.state(), inputs);
            ScanListener listener = progress(plan, plan::plannedBytes);
            Hunt.Reading reading = (scanner, matches, problems, progress) ->
                    scanner.scanInputs(plan.inputs(), matches, problems, progress);
            if (output == null) {
                Hunt.Outcome outcome = huntTo(spec.commandLine().getOut(), prepared, settings, page, reading, listener,
                        store.windowsFile());
                store.commit(plan.next(), List.of(), outcome.windows());
                return outcome;
            }
            try (AtomicFile file = AtomicFile.create(output)) {
                Hunt.Outcome outcome = huntTo(file.writer(), prepared, settings, page, reading, listener,
                        store.windowsFile());
                Path written = file.prepare();
                store.commit(plan.next(), written == null ? List.of()
                        : List.of(new StateStore.Publish(written, file.target())), outcome.windows());
                return outcome;
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.INTERNAL, "cannot write " + (output == null ? "" : output + " or ")
                    + "the state in " + state + ": " + e.getMessage(), e);
        }
    }

    private StateStore openState() {
        try {
            return StateStore.open(state);
        } catch (StateLockedException e) {
            throw new CliException(ExitCodes.STATE_LOCKED, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.INTERNAL, "cannot use state directory " + state + ": " + e.getMessage(), e);
        }
    }

    private Hunt.Outcome huntTo(Writer out, PreparedRules prepared, Hunt.Settings settings, HtmlReport page,
                                Hunt.Reading reading, ScanListener listener, Path carriedWindows) {
        MatchWriter writer = MatchWriter.create(format, out);
        MatchHandler matches = page == null ? writer : match -> {
            writer.onMatch(match);
            page.onMatch(match);
        };
        try {
            Hunt.Outcome outcome = Hunt.run(prepared, reading, settings, matches, writer, listener,
                    carriedWindows, spec.commandLine().getErr());
            if (listener instanceof ProgressBar bar) {
                bar.finish();
            }
            writer.finish();
            return outcome;
        } catch (IOException e) {
            throw unwritable(output, e);
        } catch (UncheckedIOException e) {
            throw unwritable(output, e.getCause());
        }
    }

    /**
     * A progress bar in front of {@code next} when a person watches: standard error is a terminal
     * and the hunt is not quiet.
     */
    private ScanListener progress(ScanListener next, LongSupplier totalBytes) {
        if (quiet || !ProgressBar.interactive()) {
            return next;
        }
        List<InputEntry> files = InputFiles.expand(inputs);
        return new ProgressBar(spec.commandLine().getErr(), totalBytes.getAsLong(), files.size(), next,
                System::nanoTime);
    }

    private static long totalBytes(List<Path> paths) {
        long bytes = 0;
        for (InputEntry entry : InputFiles.expand(paths)) {
            try {
                bytes += entry.problem() == null ? Files.size(entry.path()) : 0;
            } catch (IOException e) {
                // Reported by the scan itself.
            }
        }
        return bytes;
    }

    private RuleSelection selection() {
        try {
            return RuleSelection.of(minLevel, statuses, tags, includes, excludes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Instant time(String text, String option) {
        if (text == null) {
            return null;
        }
        long time = EventTime.parseBound(text);
        if (time == EventTime.NONE) {
            throw new ParameterException(spec.commandLine(), option + ": '" + text
                    + "' is not a time; expected ISO 8601 such as 2024-05-01, 2024-05-01T12:00:00Z or"
                    + " 2024-05-01 12:00:00+02:00, or epoch seconds");
        }
        return Instant.ofEpochMilli(time);
    }

    private void writeAtomically(Path file, String text) {
        try (AtomicFile atomic = AtomicFile.create(file)) {
            atomic.writer().write(text);
            atomic.commit();
        } catch (IOException e) {
            throw unwritable(file, e);
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
