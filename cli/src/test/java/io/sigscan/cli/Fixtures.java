package io.sigscan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rules and events for command tests: one rule, events that must match, near misses that must not. */
final class Fixtures {
    static final String NODE_SHELL_RULE = """
            title: Node Spawns A Shell
            id: 0d2f6f7e-6a55-4d7e-9a39-1c9d4f0b7a11
            author: sigscan tests
            level: high
            tags:
              - attack.execution
            logsource:
              category: process_creation
              product: windows
            detection:
              selection:
                ParentImage|endswith: '\\node.exe'
                Image|endswith:
                  - '\\powershell.exe'
                  - '\\cmd.exe'
              condition: selection
            """;

    /** A rule with an unknown modifier: rejected with an error at line 9. */
    static final String BROKEN_RULE = """
            title: Broken
            id: 5b0c1c1e-8f0e-4d57-a4a0-4f1b2c3d4e5f
            logsource:
              category: process_creation
              product: windows
            detection:
              selection:
                Image|endswith: '\\a.exe'
                CommandLine|frobnicate: 'x'
              condition: selection
            """;

    static final String MATCHING_EVENT = "{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
            + "\"ParentImage\":\"C:\\\\Program Files\\\\nodejs\\\\node.exe\","
            + "\"Image\":\"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe\","
            + "\"CommandLine\":\"powershell -enc SQBFAFgA, more\"}";
    static final String NEAR_MISS_LOOKALIKE_PARENT = "{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
            + "\"ParentImage\":\"C:\\\\tools\\\\mynode.exe\",\"Image\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\"}";
    static final String NEAR_MISS_RENAMED_CHILD = "{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
            + "\"ParentImage\":\"C:\\\\Program Files\\\\nodejs\\\\node.exe\",\"Image\":\"C:\\\\x\\\\powershell.exe.bak\"}";

    private Fixtures() {
    }

    static Path write(Path directory, String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
