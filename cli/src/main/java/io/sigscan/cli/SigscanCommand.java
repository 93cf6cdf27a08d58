package io.sigscan.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code sigscan} command: only dispatches to its subcommands. */
@Command(name = "sigscan",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.LIST_0, ExitCodes.LIST_1, ExitCodes.LIST_2, ExitCodes.LIST_3, ExitCodes.LIST_4,
            ExitCodes.LIST_5, ExitCodes.LIST_6},
        description = "Runs Sigma detection rules over large Windows and EDR event logs, fast.",
        subcommands = {HuntCommand.class, LintCommand.class, DemoCommand.class, ProfileCommand.class,
            GenerateCommand.class})
final class SigscanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an internal error.")
    boolean debug;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("sigscan: missing command (hunt, lint, demo, profile or generate)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
