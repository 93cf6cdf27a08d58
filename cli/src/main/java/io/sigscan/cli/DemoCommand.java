package io.sigscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.sigscan.cli.generate.ProcessEventGenerator;
import io.sigscan.cli.output.MatchWriter;
import io.sigscan.cli.output.OutputFormat;
import io.sigscan.cli.output.SummaryPrinter;
import io.sigscan.cli.select.RuleSelection;
import io.sigscan.engine.Match;
import io.sigscan.engine.MatchHandler;
import io.sigscan.engine.ScanListener;
import io.sigscan.engine.time.EventTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sigscan demo}: generates a realistic sample with an attack in it and hunts it. */
@Command(name = "demo",
        description = {
            "Writes a day of Windows process-creation events (Sysmon 1 flat and nested, Security 4688) from an",
            "office and a development team, with an npm supply-chain compromise on two hosts hidden in the",
            "noise, then hunts it with the bundled rules and shows the findings and the throughput.",
            "Exits 0 when the demo ran (finding the attack is the expected outcome).",
        })
final class DemoCommand implements Callable<Integer> {
    /** Findings shown in the table; the rest are counted. */
    static final int SHOWN_FINDINGS = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--events", paramLabel = "N", description = "Events to generate (default: ${DEFAULT-VALUE}).")
    long events = 300_000;

    @Option(names = "--seed", paramLabel = "S",
            description = "Sample seed; the same seed gives the same sample (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--keep", paramLabel = "DIR",
            description = "Write the sample to DIR (created if needed) and keep it, instead of a temporary folder"
                    + " deleted at the end.")
    Path keep;

    @Option(names = {"-v", "--verbose"}, description = "List every rule warning and input problem.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        if (events < ProcessEventGenerator.STORY_EVENTS) {
            throw new ParameterException(spec.commandLine(),
                    "--events must be at least " + ProcessEventGenerator.STORY_EVENTS + ", not " + events);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path directory = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("sigscan-demo-");
        try {
            long started = System.nanoTime();
            List<Path> files = ProcessEventGenerator.writeSample(directory, events, seed);
            long bytes = 0;
            for (Path file : files) {
                bytes += Files.size(file);
            }
            err.printf(Locale.ROOT, "generated %,d events (%.1f MB, seed %d) in %s in %.1f s%n", events, bytes / 1e6,
                    seed, directory, (System.nanoTime() - started) / 1e9);
            err.flush();
            PreparedRules rules = PreparedRules.prepareFor(spec, List.of(), null, null, RuleSelection.all());
            rules.report(err, verbose);
            MatchWriter table = MatchWriter.create(OutputFormat.TABLE, out);
            FirstMatches shown = new FirstMatches(table, SHOWN_FINDINGS);
            Hunt.Outcome outcome = Hunt.run(rules, Hunt.Reading.of(files), new Hunt.Settings(threads.threads(), verbose, null, null,
                    EventTime.DEFAULT_FIELDS, null),
                    shown, table, ScanListener.NONE, null, err);
            table.finish();
            if (shown.hidden > 0) {
                out.printf(Locale.ROOT, "(%,d more findings not shown; hunt with -f jsonl for all of them)%n", shown.hidden);
            }
            out.flush();
            SummaryPrinter.print(err, outcome.report(), outcome.firstProblems());
            if (keep != null) {
                err.println("sample kept in " + directory + "; hunt it again with: sigscan hunt -f table " + directory);
            }
            return outcome.report().scan().errors() > 0 ? ExitCodes.INPUT_ERRORS : ExitCodes.NO_MATCH;
        } finally {
            if (keep == null) {
                deleteRecursively(directory);
            }
        }
    }

    /** Passes on the first matches, counts the others. */
    private static final class FirstMatches implements MatchHandler {
        private final MatchHandler target;
        private final int limit;
        private long passed;
        private long hidden;

        FirstMatches(MatchHandler target, int limit) {
            this.target = target;
            this.limit = limit;
        }

        @Override
        public void onMatch(Match match) {
            if (passed < limit) {
                passed++;
                target.onMatch(match);
            } else {
                hidden++;
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
