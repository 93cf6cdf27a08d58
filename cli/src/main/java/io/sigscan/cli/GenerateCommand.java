package io.sigscan.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.sigscan.cli.generate.TelemetryGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sigscan generate}: writes synthetic Windows telemetry for tests and benchmarks. */
@Command(name = "generate",
        description = {
            "Writes realistic Windows telemetry as JSON lines: Sysmon 1/3/7/10/11/13, Security 4624/4688 and"
                    + " PowerShell 4104 in the proportions of a real fleet, about one event in a thousand an attack."
                    + " The same seed gives the same bytes. Memory use does not depend on the size written.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything was written", ExitCodes.LIST_2, ExitCodes.LIST_5})
final class GenerateCommand implements Callable<Integer> {
    /** Events written when neither --events nor --size is given. */
    static final long DEFAULT_EVENTS = 1_000_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--size", paramLabel = "SIZE", converter = ByteSize.class,
            description = "Stop before the output would grow past SIZE: 10GB, 500MB, 64KB (powers of 1000),"
                    + " 1GiB (powers of 1024) or bytes.")
    Long size;

    @Option(names = "--events", paramLabel = "N",
            description = "Stop after N events (default: " + DEFAULT_EVENTS + " when --size is not given either).")
    Long events;

    @Option(names = "--seed", paramLabel = "S",
            description = "Sample seed; the same seed gives the same bytes (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE instead of stdout. FILE is written in place, not atomically (it may be"
                    + " tens of GB): an interrupted run leaves it truncated.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (events != null && events < 1) {
            throw new ParameterException(spec.commandLine(), "--events must be at least 1, not " + events);
        }
        long maxEvents = events != null ? events : size != null ? Long.MAX_VALUE : DEFAULT_EVENTS;
        long maxBytes = size != null ? size : Long.MAX_VALUE;
        long started = System.nanoTime();
        TelemetryGenerator.Written written = output == null ? toStdout(maxEvents, maxBytes) : toFile(maxEvents, maxBytes);
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "generated %,d events (%,d bytes, seed %d) in %.1f s%n", written.events(),
                written.bytes(), seed, (System.nanoTime() - started) / 1e9);
        err.flush();
        return ExitCodes.NO_MATCH;
    }

    private TelemetryGenerator.Written toStdout(long maxEvents, long maxBytes) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TelemetryGenerator.Written written = TelemetryGenerator.write(out, seed, maxEvents, maxBytes);
        if (out.checkError()) {
            throw new CliException(ExitCodes.INTERNAL, "cannot write the output");
        }
        return written;
    }

    private TelemetryGenerator.Written toFile(long maxEvents, long maxBytes) {
        if (Files.isDirectory(output)) {
            throw new ParameterException(spec.commandLine(), "--output: " + output + " is a directory");
        }
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(output),
                StandardCharsets.UTF_8), 1 << 16)) {
            return TelemetryGenerator.write(out, seed, maxEvents, maxBytes);
        } catch (IOException e) {
            throw new CliException(ExitCodes.INTERNAL, "cannot write " + output + ": " + e.getMessage(), e);
        }
    }
}
