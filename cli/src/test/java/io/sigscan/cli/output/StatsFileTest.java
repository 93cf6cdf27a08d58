package io.sigscan.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sigscan.engine.ScanSummary;

class StatsFileTest {

    @Test
    void writesEveryCounterAndMatchesPerRule() {
        ScanSummary scan = new ScanSummary(2, 5_000_000, 10_000, 3, 1, new long[] {2, 1}, 2_000_000_000L);
        HuntReport report = new HuntReport(scan, 4, 2, 1, 0,
                List.of(new RuleTally(Matches.FULL_RULE, 2), new RuleTally(Matches.BARE_RULE, 1)));
        assertEquals("""
                {
                  "files": 2,
                  "bytes": 5000000,
                  "events": 10000,
                  "matches": 3,
                  "errors": 1,
                  "rulesLoaded": 2,
                  "rulesRejected": 1,
                  "ruleWarnings": 0,
                  "threads": 4,
                  "seconds": 2.000,
                  "eventsPerSecond": 5000.000,
                  "megabytesPerSecond": 2.500,
                  "matchesPerRule": [
                    {"id": "8e4b6c1a-1f20-4a3d-9b5a-2c1e3d4a5b6c", "title": "Suspicious Node.js Child Process - PowerShell/CMD", "matches": 2},
                    {"title": "Bare", "matches": 1}
                  ]
                }
                """, StatsFile.json(report));
    }

    @Test
    void writesAnEmptyListWhenNothingMatched() {
        ScanSummary scan = new ScanSummary(0, 0, 0, 0, 0, new long[0], 0);
        String json = StatsFile.json(new HuntReport(scan, 1, 0, 0, 0, List.of()));
        assertEquals(true, json.endsWith("\"matchesPerRule\": []\n}\n"), json);
        assertEquals(true, json.contains("\"eventsPerSecond\": 0.000,"), json);
    }
}
