package io.sigscan.engine.evtx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.sigscan.engine.ScanProblem;
import io.sigscan.rules.event.FieldTable;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Assumptions;

/** Locates the shared test data given by system properties, and reads EVTX files for tests. */
final class TestData {
    private TestData() {
    }

    /** The directory named by a system property; skips visibly when unset, fails when set but missing. */
    static Path directory(String property) {
        final String value = System.getProperty(property, "");
        if (value.isBlank()) {
            System.out.println("SKIPPED: -D" + property + " not set, so tests over shared EVTX data do not run");
            Assumptions.abort("-D" + property + " not set");
        }
        final Path path = Path.of(value);
        assertTrue(Files.isDirectory(path), "-D" + property + "=" + value + " is not a directory");
        return path;
    }

    static List<Path> evtxFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".evtx")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UnsafeBuffer load(Path file) {
        try {
            return new UnsafeBuffer(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What reading a whole file produced: each record's JSON and every problem reported. */
    record Read(List<String> json, List<Long> recordIds, List<ScanProblem> problems) {
    }

    static Read read(String name, UnsafeBuffer buffer) {
        final List<String> json = new ArrayList<>();
        final List<Long> ids = new ArrayList<>();
        final List<ScanProblem> problems = new ArrayList<>();
        EvtxFile.read(name, buffer, FieldTable.builder().build(), record -> {
            json.add(record.toJson());
            ids.add(record.recordId());
        }, problems::add);
        return new Read(json, ids, problems);
    }
}
