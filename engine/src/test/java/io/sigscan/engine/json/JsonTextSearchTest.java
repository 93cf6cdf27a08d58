package io.sigscan.engine.json;

import static io.sigscan.engine.Fixtures.matchedTitles;
import static io.sigscan.engine.Fixtures.sigmaRules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.sigscan.engine.ScanOptions;
import io.sigscan.rules.compile.CompiledRuleSet;

/**
 * The pre-filter searches JSON string values as they stand in the input, with JSON-escaped
 * needles, unless a value spells a character in a way JSON leaves free (<code>&#92;u</code>,
 * {@code \/}, a raw tab). Whatever the spelling, a value must match exactly when its decoded text
 * does, with the pre-filter as without it.
 */
class JsonTextSearchTest {
    private static final CompiledRuleSet RULES = sigmaRules("""
            title: backslash
            logsource: {category: semantics}
            detection: {sel: {CommandLine|contains: '\\temp\\evil'}, condition: sel}
            ---
            title: quote
            logsource: {category: semantics}
            detection: {sel: {CommandLine|contains: '"payload"'}, condition: sel}
            ---
            title: newline
            logsource: {category: semantics}
            detection: {sel: {ScriptBlockText|contains: "line1\\nline2"}, condition: sel}
            ---
            title: tab
            logsource: {category: semantics}
            detection: {sel: {CommandLine|contains: "tab\\there"}, condition: sel}
            ---
            title: slash
            logsource: {category: semantics}
            detection: {sel: {Url|contains: 'http://evil/'}, condition: sel}
            ---
            title: accent
            logsource: {category: semantics}
            detection: {sel: {CommandLine|contains: 'café\\x'}, condition: sel}
            ---
            title: keyword
            logsource: {category: semantics}
            detection: {keywords: ['\\mimi\\'], condition: keywords}
            """);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"CommandLine":"C:\\\\Temp\\\\Evil.exe"}                 | backslash
            {"CommandLine":"C:\\u005cTemp\\u005cevil"}               | backslash
            {"CommandLine":"C:\\\\Tmp\\\\evil"}                      |
            {"CommandLine":"C:/temp/evil"}                          |
            {"CommandLine":"x \\"PAYLOAD\\" y"}                      | quote
            {"CommandLine":"x \\u0022payload\\u0022 y"}              | quote
            {"CommandLine":"x payload y"}                           |
            {"ScriptBlockText":"Line1\\nLine2"}                      | newline
            {"ScriptBlockText":"line1\\u000Aline2"}                  | newline
            {"ScriptBlockText":"line1\\\\nline2"}                    |
            {"CommandLine":"tab\\there"}                             | tab
            {"CommandLine":"tab\there"}                              | tab
            {"CommandLine":"tab\\\\there"}                           |
            {"Url":"http:\\/\\/EVIL\\/x"}                            | slash
            {"Url":"http://evil/x"}                                 | slash
            {"Url":"http:\\\\/\\\\/evil\\\\/"}                       |
            {"CommandLine":"CAFÉ\\\\x"}                              | accent
            {"CommandLine":"Cafe\\\\X"}                              |
            {"CommandLine":"caf\\u00e9\\u005cx"}                     | accent
            {"a":["x","\\\\MIMI\\\\"]}                               | keyword
            {"a":"\\u005cmimi\\u005c"}                               | keyword
            {"a":"\\\\mimi"}                                         |
            """)
    void aValueMatchesAsItsDecodedTextDoesHoweverJsonSpellsIt(String line, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected);
        assertEquals(want, titles(RULES, line));
        assertEquals(want, titles(RULES.withoutPrefilter(), line));
    }

    private static List<String> titles(CompiledRuleSet rules, String line) {
        return matchedTitles(rules, ScanOptions.defaults().withThreads(1), "events", line.getBytes(StandardCharsets.UTF_8))
                .stream().map(title -> title.substring(0, title.indexOf(" @"))).toList();
    }
}
