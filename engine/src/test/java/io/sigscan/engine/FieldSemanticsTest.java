package io.sigscan.engine;

import static io.sigscan.engine.Fixtures.matchedTitles;
import static io.sigscan.engine.Fixtures.sigmaRules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.compile.CompiledRuleSet;

/**
 * Keywords, array values, field names with spaces and dotted field names, end to end: Sigma rules
 * over JSON lines and plain text, each with events that must match and near misses that must not.
 * The same constructs over EVTX are in {@code evtx.EvtxRuleSemanticsTest}.
 */
class FieldSemanticsTest {
    private static final CompiledRuleSet RULES = sigmaRules("""
            title: keyword
            logsource: {category: semantics}
            detection: {keywords: [mimikatz, 'sekurlsa::*'], condition: keywords}
            ---
            title: all keywords
            logsource: {category: semantics}
            detection: {kw: {'|all': [whoami, /priv]}, condition: kw}
            ---
            title: array element
            logsource: {category: semantics}
            detection: {sel: {Tags: lateral}, condition: sel}
            ---
            title: array of objects
            logsource: {category: semantics}
            detection: {sel: {Targets.Name|endswith: .evil}, condition: sel}
            ---
            title: spaced name
            logsource: {category: semantics}
            detection: {sel: {Logon Type: 10}, condition: sel}
            ---
            title: dotted name
            logsource: {category: semantics}
            detection: {sel: {process.name: bad.exe}, condition: sel}
            ---
            title: unicode case
            logsource: {category: semantics}
            detection: {sel: {Product|re|i: 'kelvin scale'}, condition: sel}
            """);

    private static List<String> hits(String text) {
        return matchedTitles(RULES, ScanOptions.defaults().withThreads(1), "events", text.getBytes(StandardCharsets.UTF_8))
                .stream().map(title -> title.substring(0, title.indexOf(" @"))).toList();
    }

    @Test
    void keywordsAreFoundInAnyStringValueIgnoringCase() {
        assertEquals(List.of("keyword"), hits("{\"CommandLine\":\"C:\\\\t\\\\MimiKatz.exe coffee\"}"));
        assertEquals(List.of("keyword"), hits("{\"a\":{\"b\":[\"x\",\"run sekurlsa::logonpasswords now\"]}}"));
        assertEquals(List.of(), hits("{\"mimikatz\":\"key names are not searched\",\"n\":1}"));
        assertEquals(List.of(), hits("{\"CommandLine\":\"mimi katz, sekurlsa:logonpasswords\"}"));
    }

    /**
     * A case-insensitive regex equates the Kelvin sign with 'k'; the pre-filter's ASCII folding
     * cannot, so a value holding a non-ASCII byte is never passed over by it, whether written raw
     * or escaped, and wherever in the record other values hold only ASCII.
     */
    @Test
    void aCharacterThatFoldsToAsciiIsNotHiddenByThePrefilter() {
        assertEquals(List.of("unicode case"), hits("{\"A\":\"plain\",\"Product\":\"\u212Aelvin scale\",\"B\":\"x\"}"));
        assertEquals(List.of("unicode case"), hits("{\"Product\":\"\\u212Aelvin scale\"}"));
        assertEquals(List.of("unicode case"), hits("{\"Product\":\"KELVIN SCALE\"}"));
        assertEquals(List.of(), hits("{\"Product\":\"\u00E9lvin scale\"}"));
    }

    @Test
    void allKeywordsMustEachBeFoundButMayBeInDifferentValues() {
        assertEquals(List.of("all keywords"), hits("{\"Image\":\"C:\\\\whoami.exe\",\"CommandLine\":\"x /PRIV\"}"));
        assertEquals(List.of(), hits("{\"Image\":\"C:\\\\whoami.exe\",\"CommandLine\":\"x /groups\"}"));
    }

    @Test
    void plainTextLinesAreOneKeywordValueAndHaveNoFields() {
        assertEquals(List.of("keyword", "all keywords"),
                hits("Nov 28 sshd[1]: user ran whoami /priv then mimikatz\nTags: lateral\nLogonType: 10\n"));
    }

    @Test
    void anArrayMatchesWhenAnyElementDoes() {
        assertEquals(List.of("array element"), hits("{\"Tags\":[\"initial\",\"Lateral\"]}"));
        assertEquals(List.of(), hits("{\"Tags\":[\"initial\",\"lateral movement\"]}"));
        assertEquals(List.of("array of objects"), hits("{\"Targets\":[{\"Name\":\"a.good\"},{\"Name\":\"b.evil\"}]}"));
        assertEquals(List.of(), hits("{\"Targets\":[{\"Name\":\"a.good\"},{\"Other\":\"b.evil\"}]}"));
    }

    @Test
    void fieldNamesWithSpacesMatchKeysWithTheSpacesStripped() {
        assertEquals(List.of("spaced name"), hits("{\"LogonType\":10}"));
        assertEquals(List.of("spaced name"), hits("{\"Logon Type\":\"10\"}"));
        assertEquals(List.of("spaced name"), hits("{\"Event\":{\"EventData\":{\"Data\":[{\"@Name\":\"Logon Type\",\"#text\":\"10\"}]}}}"));
        assertEquals(List.of(), hits("{\"Logon_Type\":10,\"LogonTypes\":10}"));
    }

    @Test
    void dottedNamesMatchTheLiteralKeyOrTheNestedPath() {
        assertEquals(List.of("dotted name"), hits("{\"process.name\":\"bad.exe\"}"));
        assertEquals(List.of("dotted name"), hits("{\"process\":{\"name\":\"BAD.exe\"}}"));
        assertEquals(List.of("dotted name"), hits("{\"process.name\":\"good.exe\",\"process\":{\"name\":\"bad.exe\"}}"));
        assertEquals(List.of(), hits("{\"process\":{\"parent\":{\"name\":\"bad.exe\"}},\"name\":\"bad.exe\"}"));
    }
}
