package io.sigscan.engine.evtx;

import static io.sigscan.engine.Fixtures.matchedTitles;
import static io.sigscan.engine.Fixtures.sigmaRules;
import static io.sigscan.engine.evtx.EvtxBuilder.data;
import static io.sigscan.engine.evtx.EvtxBuilder.element;
import static io.sigscan.engine.evtx.EvtxBuilder.event;
import static io.sigscan.engine.evtx.EvtxBuilder.string;
import static io.sigscan.engine.evtx.EvtxBuilder.u32;
import static io.sigscan.engine.evtx.EvtxBuilder.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sigscan.engine.ScanOptions;
import io.sigscan.rules.compile.CompiledRuleSet;

/**
 * Keywords, array values and field names with spaces, end to end over EVTX records: the same rules
 * as over JSON ({@code FieldSemanticsTest}), with matching records and near misses.
 */
class EvtxRuleSemanticsTest {
    private static final CompiledRuleSet RULES = sigmaRules("""
            title: keyword
            logsource: {category: semantics}
            detection: {keywords: [mimikatz], condition: keywords}
            ---
            title: array element
            logsource: {category: semantics}
            detection: {sel: {Tags: lateral}, condition: sel}
            ---
            title: spaced name
            logsource: {category: semantics}
            detection: {sel: {Logon Type: 10}, condition: sel}
            ---
            title: user data
            logsource: {category: semantics}
            detection: {sel: {Param1: evil}, condition: sel}
            """);

    private static List<String> hits(EvtxBuilder.Element record) {
        byte[] file = new EvtxBuilder().record(record).build();
        return matchedTitles(RULES, ScanOptions.defaults().withThreads(1), "events.evtx", file).stream()
                .map(title -> title.substring(0, title.indexOf(" @"))).toList();
    }

    @Test
    void keywordsAreFoundInAnyTextValueIgnoringCase() {
        assertEquals(List.of("keyword"), hits(event(1, "Microsoft-Windows-Sysmon/Operational",
                data("CommandLine", string("C:\\t\\MimiKatz.exe coffee")))));
        assertEquals(List.of(), hits(event(1, "Microsoft-Windows-Sysmon/Operational",
                data("mimikatz", string("names are not searched")))));
    }

    @Test
    void anArrayMatchesWhenAnyElementDoes() {
        assertEquals(List.of("array element"), hits(event(1, "System",
                data("Tags", value(ValueType.STRING | ValueType.ARRAY, EvtxBuilder.utf16("initial\0Lateral\0"))))));
        assertEquals(List.of(), hits(event(1, "System",
                data("Tags", value(ValueType.STRING | ValueType.ARRAY, EvtxBuilder.utf16("initial\0lateral move\0"))))));
    }

    @Test
    void fieldNamesWithSpacesMatchDataNamesWithTheSpacesStripped() {
        assertEquals(List.of("spaced name"), hits(event(4624, "Security", data("Logon Type", u32(10)))));
        assertEquals(List.of("spaced name"), hits(event(4624, "Security", data("LogonType", u32(10)))));
        assertEquals(List.of(), hits(event(4624, "Security", data("Logon Type", u32(3)))));
    }

    @Test
    void userDataChildrenAreNamedByThemselves() {
        EvtxBuilder.Element userData = element("Event", element("System", element("EventID", EvtxBuilder.u16(1))),
                element("UserData", element("Anything", element("Param1", string("EVIL")))));
        assertEquals(List.of("user data"), hits(userData));
    }
}
