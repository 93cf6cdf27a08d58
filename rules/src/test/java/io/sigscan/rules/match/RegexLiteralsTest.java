package io.sigscan.rules.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexLiteralsTest {

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        // Plain text and escaped punctuation are required, lower-cased.
        "Invoke-Expression => invoke-expression",
        "\\\\AppData\\\\Local\\\\Temp\\\\ => \\appdata\\local\\temp\\",
        "cmd\\.exe /c => cmd.exe /c",
        // Wildcards, classes, anchors and groups end a run; the longest run wins.
        "^powershell.*-enc(odedcommand)? [A-Za-z0-9+/=]{20,} => powershell",
        "\\s+-nop\\s+ => -nop",
        "(?i)mimikatz => mimikatz",
        // An optional atom is not required: 'e' in 'rundle?32'.
        "rundle?32\\.dll => 32.dll",
        "abc* => ab",
        "ab{0,3}cde => cde",
        // '+' keeps its atom (it occurs at least once) but ends the run.
        "xa+bcd => bcd",
        // Nothing certain: alternation at the top level, escapes with arguments, comments mode.
        "foo|barbaz => \"\"",
        "(a|b)\\x41bcd => \"\"",
        "\\p{L}+text => \"\"",
        "(?x) a b c => \"\"",
        "\\Qa.b\\E => \"\"",
        "unbalanced) => \"\"",
        "[a-z => \"\"",
        // A top-level alternation inside a group is fine.
        "(?:cmd|pwsh)\\.exe -c => .exe -c",
        "[]a]xyz => xyz",
    })
    void longestRequiredRun(String regex, String expected) {
        assertEquals(expected, RegexLiterals.longestRequiredRun(regex));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", value = {
        // Every run is required, not only the longest: a guard checks them all (runs shown split by ' ~ ').
        "(?i)(set).*&&\\s?set.*(environment|invoke).*&&.*x => && ~ set ~ x",
        "^C:\\\\Windows\\\\ntdll\\.dll\\+[a-z0-9]{4,6}\\|UNKNOWN\\([A-Z0-9]{16}\\)$ => c:\\windows\\ntdll.dll+ ~ |unknown( ~ )",
        "rundle?32\\.dll => rundl ~ 32.dll",
        "foo|barbaz => ''",
    })
    void requiredRuns(String regex, String expected) {
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(" ~ ")), RegexLiterals.requiredRuns(regex));
    }
}
