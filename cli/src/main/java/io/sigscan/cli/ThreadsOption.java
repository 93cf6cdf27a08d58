package io.sigscan.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code -t/--threads}: how many workers scan in parallel. Output is identical for any value. */
final class ThreadsOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Scan workers (default: one per processor)."
                    + " Results are the same, in the same order, for any N.")
    void setThreads(int threads) {
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
        }
        this.threads = threads;
    }

    int threads() {
        return threads;
    }
}
