package io.sigscan.cli;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Entry point of {@code sigscan.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the platform default: match output is JSON, and JSON is UTF-8.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int exitCode;
        try {
            exitCode = commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            err.println("sigscan: out of memory; give Java more with SIGSCAN_JAVA_OPTS=-Xmx8g (or use fewer --threads)");
            exitCode = ExitCodes.INTERNAL;
        } catch (Error e) {
            // Errors bypass picocli's handler; still one line unless asked for details.
            if (List.of(args).contains("--debug")) {
                e.printStackTrace(err);
            } else {
                err.println("sigscan: internal error: " + e + " (run with --debug for details)");
            }
            exitCode = ExitCodes.INTERNAL;
        }
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** The configured command line, writing to {@code out} and {@code err}; tests run commands through it. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new SigscanCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(new UsageErrors());
        commandLine.setExecutionExceptionHandler(new Failures());
        commandLine.setExecutionStrategy(parseResult -> {
            ParseResult command = parseResult.subcommand();
            if (command != null && command.hasMatchedOption(ConfigFile.OPTION)) {
                // Parse again with the file's options in front of the command line's.
                return commandLine(out, err).execute(ConfigFile.expand(command));
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        return commandLine;
    }

    /** A usage error is one line and a pointer to help, not the whole usage text. */
    private static final class UsageErrors implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException e, String[] args) {
            CommandLine command = e.getCommandLine();
            PrintWriter err = command.getErr();
            err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCodes.USAGE;
        }
    }

    /** User errors print one line; anything unexpected one line and a hint, or a stack trace with --debug. */
    private static final class Failures implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
            PrintWriter err = command.getErr();
            if (e instanceof CliException failure) {
                err.println("sigscan: " + failure.getMessage());
                if (debug(command)) {
                    e.printStackTrace(err);
                }
                err.flush();
                return failure.exitCode();
            }
            if (debug(command)) {
                e.printStackTrace(err);
            } else {
                err.println("sigscan: internal error: " + e + " (run with --debug for details)");
            }
            err.flush();
            return ExitCodes.INTERNAL;
        }

        private static boolean debug(CommandLine command) {
            CommandLine root = command;
            while (root.getParent() != null) {
                root = root.getParent();
            }
            return root.getCommand() instanceof SigscanCommand sigscan && sigscan.debug;
        }
    }
}
