package io.sigscan.cli.generate;

/** One process start: who started what, with which command line, as which user. */
record Launch(Host host, String user, Program parent, String parentCommandLine, Program child,
              String commandLine, String currentDirectory, String integrityLevel) {
}
