package io.sigscan.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import io.sigscan.engine.Match;

class TableMatchWriterTest {

    @Test
    void alignsColumnsAndSummarisesProcessEvents() throws Exception {
        StringWriter out = new StringWriter();
        MatchWriter writer = MatchWriter.create(OutputFormat.TABLE, out);
        String event = "{\"Computer\":\"DEV-WS-017\",\"ParentImage\":\"C:\\\\Program Files\\\\nodejs\\\\node.exe\","
                + "\"Image\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\",\"CommandLine\":\"cmd.exe /c curl\"}";
        writer.onMatch(new Match(Matches.FULL_RULE, 0, "/var/logs/sysmon.jsonl", 99, 3, 0, event));
        writer.finish();
        String[] rows = out.toString().split("\n");
        assertEquals(String.format("%-8s %-50s %-28s %s", "LEVEL", "RULE", "SOURCE", "EVENT"), rows[0]);
        assertEquals(String.format("%-8s %-50s %-28s %s", "high", "Suspicious Node.js Child Process - PowerShell/CMD",
                "sysmon.jsonl:3", "DEV-WS-017  node.exe > cmd.exe  cmd.exe /c curl"), rows[1]);
    }

    @Test
    void cutsLongSourcesFromTheLeftAndReplacesControlCharacters() {
        assertEquals("...0123456789", TableMatchWriter.cutLeft("abcdef0123456789", 13));
        assertEquals("a b...", TableMatchWriter.cut("a\tbcdefgh", 6));
    }
}
