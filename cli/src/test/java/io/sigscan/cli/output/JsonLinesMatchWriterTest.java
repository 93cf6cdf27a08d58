package io.sigscan.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import io.sigscan.engine.Match;

class JsonLinesMatchWriterTest {

    private static String write(Match... matches) throws Exception {
        StringWriter out = new StringWriter();
        MatchWriter writer = MatchWriter.create(OutputFormat.JSONL, out);
        for (Match match : matches) {
            writer.onMatch(match);
        }
        writer.finish();
        return out.toString();
    }

    @Test
    void writesRuleSourceAndEventInFixedKeyOrder() throws Exception {
        assertEquals("{\"rule\":{\"id\":\"8e4b6c1a-1f20-4a3d-9b5a-2c1e3d4a5b6c\","
                        + "\"title\":\"Suspicious Node.js Child Process - PowerShell/CMD\",\"level\":\"high\","
                        + "\"author\":\"Security Arsenal\",\"tags\":[\"attack.execution\",\"attack.t1059.003\"]},"
                        + "\"source\":{\"file\":\"logs/a.jsonl\",\"offset\":1234,\"line\":17},"
                        + "\"event\":" + Matches.EVENT + "}\n",
                write(Matches.textMatch(Matches.FULL_RULE)));
    }

    @Test
    void leavesOutAbsentRuleFieldsButAlwaysWritesTags() throws Exception {
        assertEquals("{\"rule\":{\"title\":\"Bare\",\"tags\":[]},"
                        + "\"source\":{\"file\":\"logs/a.jsonl\",\"offset\":1234,\"line\":17},\"event\":" + Matches.EVENT + "}\n",
                write(Matches.textMatch(Matches.BARE_RULE)));
    }

    @Test
    void writesRecordInsteadOfLineForEvtx() throws Exception {
        Match evtx = new Match(Matches.BARE_RULE, 0, "Security.evtx", 69632, 0, 4711, "{}");
        assertEquals("{\"rule\":{\"title\":\"Bare\",\"tags\":[]},"
                + "\"source\":{\"file\":\"Security.evtx\",\"offset\":69632,\"record\":4711},\"event\":{}}\n", write(evtx));
    }

    @Test
    void escapesFileNamesAsJsonStrings() throws Exception {
        Match match = new Match(Matches.BARE_RULE, 0, "C:\\logs\\\"odd\".jsonl", 0, 1, 0, "{}");
        assertEquals("{\"rule\":{\"title\":\"Bare\",\"tags\":[]},"
                + "\"source\":{\"file\":\"C:\\\\logs\\\\\\\"odd\\\".jsonl\",\"offset\":0,\"line\":1},\"event\":{}}\n", write(match));
    }
}
