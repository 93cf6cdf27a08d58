package io.sigscan.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --placeholders FILE}: values for the {@code %name%} placeholders of {@code expand} modifiers. */
final class PlaceholdersOption {

    @Option(names = "--placeholders", paramLabel = "FILE",
            description = "YAML file giving the %%name%% placeholders of 'expand' modifiers their values"
                    + " (name: value, or name: [values]). Without it, rules using placeholders are rejected.")
    Path file;
}
