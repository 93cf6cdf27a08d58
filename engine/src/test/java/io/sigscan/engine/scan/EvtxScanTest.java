package io.sigscan.engine.scan;

import static io.sigscan.engine.Fixtures.contains;
import static io.sigscan.engine.Fixtures.rule;
import static io.sigscan.engine.Fixtures.ruleSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sigscan.engine.Match;
import io.sigscan.engine.Recorder;
import io.sigscan.engine.ScanListener;
import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.ScanSummary;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;

/**
 * EVTX files through the scan: every 64 KiB chunk may go to a different worker, and windows end at
 * chunk starts, yet the output equals a one-chunk, one-thread scan. Reads the samples given by
 * {@code -Dsigscan.evtxSamples}; skipped, visibly, when it is not given.
 */
class EvtxScanTest {

    @Test
    void evtxSamplesGiveTheSameOutputForAnyThreadsChunksAndWindows() {
        String samples = System.getProperty("sigscan.evtxSamples", "");
        assumeFalse(samples.isBlank(), "sigscan.evtxSamples is not set: the EVTX scan test is skipped");
        Path root = Path.of(samples);
        assertTrue(Files.isDirectory(root), "sigscan.evtxSamples is set but " + root + " is missing");
        FieldTable.Builder fields = FieldTable.builder();
        int eventId = fields.add("EventID");
        int channel = fields.add("Channel");
        CompiledRuleSet rules = ruleSet(fields.build(), rule("logon", contains(eventId, "4624")),
                rule("sysmon", contains(channel, "sysmon")), rule("keyword mimikatz", contains(EventView.KEYWORDS,
                        "mimikatz")));
        Recorder baseline = scan(rules, new ScanOptions(1, 1 << 30, 1 << 20), ScanDriver.DEFAULT_WINDOW_BYTES, root);
        Recorder split = scan(rules, new ScanOptions(2, 1, 1 << 16), 5 << 16, root);
        assertTrue(baseline.matches.size() > 400, "matches: " + baseline.matches.size());
        assertEquals(baseline.lines.size(), split.lines.size());
        assertEquals(baseline.lines, split.lines);
        for (Match match : baseline.matches) {
            if (match.file().endsWith(".evtx")) {
                assertTrue(match.record() > 0 && match.line() == 0, () -> "EVTX match without record id: " + match);
            }
        }
    }

    private static Recorder scan(CompiledRuleSet rules, ScanOptions options, int windowBytes, Path root) {
        Recorder recorder = new Recorder();
        ScanSummary summary = new ScanDriver(rules, options, windowBytes).scanFiles(List.of(root), recorder, recorder, ScanListener.NONE);
        assertTrue(summary.events() > 15_000, "events: " + summary.events());
        return recorder;
    }
}
