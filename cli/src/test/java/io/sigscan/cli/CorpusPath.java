package io.sigscan.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Assertions;

/** Folders of the SigmaHQ corpus named by {@code -Dsigscan.corpus}; tests using it are skipped, visibly, without it. */
final class CorpusPath {

    private CorpusPath() {
    }

    static Path folder(String name) {
        String property = System.getProperty("sigscan.corpus", "");
        Assumptions.assumeFalse(property.isBlank(), "SKIPPED: run with -Dsigscan.corpus=/path/to/sigma to enable corpus tests");
        Path folder = Path.of(property).resolve(name);
        Assertions.assertTrue(Files.isDirectory(folder), "-Dsigscan.corpus=" + property + " has no " + name + "/ folder");
        return folder;
    }
}
