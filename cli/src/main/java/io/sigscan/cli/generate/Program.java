package io.sigscan.cli.generate;

/** An executable as Sysmon describes it: where it lives and what its version resource says. */
record Program(String path, String description, String company, String originalFileName) {

    static Program microsoft(String path, String description, String originalFileName) {
        return new Program(path, description, "Microsoft Corporation", originalFileName);
    }

    /** Something with no version resource (scripts, renamed or unsigned binaries). */
    static Program bare(String path) {
        return new Program(path, "-", "-", "-");
    }
}
