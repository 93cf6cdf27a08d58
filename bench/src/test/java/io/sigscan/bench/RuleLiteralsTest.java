package io.sigscan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.load.LoadResult;
import io.sigscan.rules.load.RuleLoader;

class RuleLiteralsTest {

    @Test
    void keepsLongLiteralRunsOfPlainValuesJsonEscapedAndDistinctIgnoringCase() {
        LoadResult loaded = RuleLoader.defaults().load("test.yml", """
                title: literals
                logsource: {category: process_creation, product: windows}
                detection:
                    selection:
                        Image|endswith: '\\Rundll32.exe'
                        CommandLine|contains:
                            - 'short'
                            - 'javascript:"'
                            - 'Users?Public*AppData\\Roaming'
                    filter:
                        ParentImage|startswith: 'C:\\WINDOWS\\system32\\'
                        CommandLine|re: 'verylongregexliteral'
                    keywords:
                        - '*\\rundll32.EXE*'
                    condition: (selection or keywords) and not filter
                """);
        assertEquals(0, loaded.errorCount(), loaded.problems().toString());
        assertEquals(Set.of("\\\\rundll32.exe", "javascript:\\\"", "appdata\\\\roaming", "c:\\\\windows\\\\system32\\\\"),
                RuleLiterals.literals(loaded.rules()));
    }
}
