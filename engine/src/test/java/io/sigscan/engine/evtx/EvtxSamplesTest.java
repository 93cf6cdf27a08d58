package io.sigscan.engine.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every sample log reads without exception and yields at least the records libevtx reads from it. */
class EvtxSamplesTest {

    @Test
    void everySampleYieldsAtLeastTheRecordsLibevtxReads() throws IOException {
        final Path root = TestData.directory("sigscan.evtxSamples");
        final Map<String, Integer> libevtx = libevtxCounts();
        final List<String> shortfalls = new ArrayList<>();
        long total = 0;
        long totalLibevtx = 0;
        int files = 0;
        for (Path file : TestData.evtxFiles(root)) {
            final String name = root.relativize(file).toString().replace('\\', '/');
            final TestData.Read read = TestData.read(name, TestData.load(file));
            final int expected = libevtx.getOrDefault(name, 0);
            total += read.json().size();
            totalLibevtx += expected;
            files++;
            if (read.json().size() < expected) {
                shortfalls.add(name + ": " + read.json().size() + " < libevtx " + expected + " " + read.problems());
            }
            if (read.json().size() > expected) {
                System.out.println(name + ": " + read.json().size() + " records, libevtx reads " + expected);
            }
            if (!read.problems().isEmpty()) {
                System.out.println(name + ": " + read.json().size() + " records, problems " + read.problems());
            }
        }
        System.out.println("samples: " + files + " files, " + total + " records (libevtx: " + totalLibevtx + ")");
        assertEquals(libevtx.size(), files, "sample files listed in libevtx-record-counts.tsv");
        assertTrue(shortfalls.isEmpty(), String.join("\n", shortfalls));
    }

    static Map<String, Integer> libevtxCounts() throws IOException {
        final Map<String, Integer> counts = new LinkedHashMap<>();
        try (InputStream in = EvtxSamplesTest.class.getResourceAsStream("/evtx/libevtx-record-counts.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    final int tab = line.lastIndexOf('\t');
                    counts.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1).trim()));
                }
            }
        }
        return counts;
    }
}
