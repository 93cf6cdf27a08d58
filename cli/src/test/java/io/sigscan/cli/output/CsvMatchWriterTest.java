package io.sigscan.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sigscan.engine.Match;
import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.RuleInfo;

class CsvMatchWriterTest {

    private static String write(Match match) throws Exception {
        StringWriter out = new StringWriter();
        MatchWriter writer = MatchWriter.create(OutputFormat.CSV, out);
        writer.onMatch(match);
        writer.finish();
        return out.toString();
    }

    @Test
    void startsWithHeaderAndQuotesFieldsWithCommasAndQuotesDoubled() throws Exception {
        assertEquals("rule_id,title,level,author,file,offset,line,event\r\n"
                        + "8e4b6c1a-1f20-4a3d-9b5a-2c1e3d4a5b6c,Suspicious Node.js Child Process - PowerShell/CMD,high,"
                        + "Security Arsenal,logs/a.jsonl,1234,17,"
                        + "\"{\"\"Image\"\":\"\"C:\\\\Windows\\\\System32\\\\cmd.exe\"\",\"\"EventID\"\":1}\"\r\n",
                write(Matches.textMatch(Matches.FULL_RULE)));
    }

    @Test
    void quotesFieldsWithLineBreaksAndLeavesAbsentValuesEmpty() throws Exception {
        RuleInfo rule = new RuleInfo(null, null, "Two\nlines, one rule", null, null, "A \"quoted\" author", List.of(),
                new Location("r.yml", 1, 1));
        Match evtx = new Match(rule, 0, "Security.evtx", 4096, 0, 9, "{}");
        assertEquals("rule_id,title,level,author,file,offset,line,event\r\n"
                + ",\"Two\nlines, one rule\",,\"A \"\"quoted\"\" author\",Security.evtx,4096,,{}\r\n", write(evtx));
    }
}
