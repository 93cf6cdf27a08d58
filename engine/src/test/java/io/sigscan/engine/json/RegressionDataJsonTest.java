package io.sigscan.engine.json;

import static io.sigscan.engine.Fixtures.rule;
import static io.sigscan.engine.Fixtures.ruleSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.sigscan.engine.Recorder;
import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.ScanSummary;
import io.sigscan.engine.Scanner;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.event.FieldTable;

/**
 * Reads every JSON twin of the SigmaHQ regression data (concatenated pretty-printed Windows events)
 * from the corpus given by {@code -Dsigscan.corpus}; skipped, visibly, when it is not given.
 */
class RegressionDataJsonTest {

    private static Path regressionData() {
        String corpus = System.getProperty("sigscan.corpus", "");
        assumeFalse(corpus.isBlank(), "sigscan.corpus is not set: the regression-data JSON test is skipped");
        Path data = Path.of(corpus, "regression_data");
        assertTrue(Files.isDirectory(data), "sigscan.corpus is set but " + data + " is missing");
        return data;
    }

    @Test
    void everyRegressionEventParsesWithSystemFieldsFlattened() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(regressionData())) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 200, "found only " + files.size() + " JSON files");
        FieldTable.Builder fields = FieldTable.builder();
        int eventId = fields.add("EventID");
        int channel = fields.add("Channel");
        int provider = fields.add("Provider_Name");
        CompiledRuleSet rules = ruleSet(fields.build(), rule("every event", event -> true),
                rule("flattened System", event -> event.valueCount(eventId) == 1 && event.valueCount(channel) == 1
                        && event.valueCount(provider) == 1));
        long expectedEvents = 0;
        for (Path file : files) {
            expectedEvents += Files.readAllLines(file).stream().filter("{"::equals).count();
        }
        Recorder out = new Recorder();
        ScanSummary summary = new Scanner(rules, ScanOptions.defaults()).scan(files, m -> { }, out);
        assertEquals(List.of(), out.lines);
        assertEquals(files.size(), summary.files());
        assertEquals(expectedEvents, summary.events());
        assertEquals(expectedEvents, summary.matchesPerRule()[0]);
        assertEquals(expectedEvents, summary.matchesPerRule()[1]);
    }
}
