package io.sigscan.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EventSummaryTest {

    @Test
    void readsProcessFieldsFromNestedWindowsEvents() {
        String nested = "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Sysmon\"}},\"Computer\":\"BUILD-03\"},"
                + "\"EventData\":{\"Image\":\"C:\\\\x\\\\powershell.exe\",\"ParentImage\":\"C:\\\\y\\\\npm.cmd\","
                + "\"CommandLine\":\"powershell -enc \\\"QQ\\\"\"}}}";
        assertEquals("BUILD-03  npm.cmd > powershell.exe  powershell -enc \"QQ\"", EventSummary.of(nested));
    }

    @Test
    void readsSecurity4688FieldNames() {
        String security = "{\"EventID\":4688,\"NewProcessName\":\"C:\\\\w\\\\cmd.exe\",\"ParentProcessName\":\"C:\\\\n\\\\node.exe\"}";
        assertEquals("node.exe > cmd.exe", EventSummary.of(security));
    }

    @Test
    void listsFirstLeavesOfOtherEvents() {
        assertEquals("EventID=4624 LogonType=3 tags=a",
                EventSummary.of("{\"EventID\":4624,\"LogonType\":3,\"tags\":[\"a\",\"b\"],\"empty\":{}}"));
    }

    @Test
    void keepsWhatItUnderstoodOfBrokenJson() {
        assertEquals(Map.of("a", "1", "b", "unterminated"), EventSummary.leaves("{\"a\":1,\"b\":\"unterminated"));
        assertEquals(Map.of(), EventSummary.leaves("]]]}}}\\u12"));
        assertEquals("x=\u00e9", EventSummary.of("{\"x\":\"\\u00e9\"}"));
    }

    @Test
    void survivesDeepNestingWithoutRecursion() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertEquals("", EventSummary.of(deep));
    }
}
