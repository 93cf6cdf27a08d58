package io.sigscan.cli.output;

import java.util.List;

import io.sigscan.engine.Match;
import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.RuleInfo;

/** Matches for output tests. */
final class Matches {
    static final RuleInfo FULL_RULE = new RuleInfo("8e4b6c1a-1f20-4a3d-9b5a-2c1e3d4a5b6c", null,
            "Suspicious Node.js Child Process - PowerShell/CMD", "high", "experimental", "Security Arsenal",
            List.of("attack.execution", "attack.t1059.003"), new Location("rules/node.yml", 1, 1));
    static final RuleInfo BARE_RULE = new RuleInfo(null, null, "Bare", null, null, null, List.of(),
            new Location("rules/bare.yml", 1, 1));
    static final String EVENT = "{\"Image\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\",\"EventID\":1}";

    private Matches() {
    }

    static Match textMatch(RuleInfo rule) {
        return new Match(rule, 0, "logs/a.jsonl", 1234, 17, 0, EVENT);
    }
}
