package io.sigscan.rules.load;

import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.LogSource;
import io.sigscan.rules.model.RuleInfo;
import io.sigscan.rules.model.SigmaRule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.sigscan.rules.load.RuleTexts.STAR;
import static io.sigscan.rules.load.RuleTexts.and;
import static io.sigscan.rules.load.RuleTexts.lit;
import static io.sigscan.rules.load.RuleTexts.match;
import static io.sigscan.rules.load.RuleTexts.or;
import static io.sigscan.rules.load.RuleTexts.rendered;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The two Node.js/npm supply-chain rules that motivated the project, loaded exactly as written. */
class MissionRulesTest {

    private static final String SOURCE = "mission-rules.yml";

    private static LoadResult loadMissionRules() throws IOException {
        try (InputStream in = MissionRulesTest.class.getResourceAsStream(SOURCE)) {
            return RuleLoader.defaults().load(SOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void bothRulesLoadWithWarningsForTheirDatesAndTheInvalidId() throws IOException {
        LoadResult result = loadMissionRules();
        assertEquals(List.of(
                "mission-rules.yml:9:7: warning: 'date' value '2024/04/19' is not an ISO date YYYY-MM-DD [metadata]",
                "mission-rules.yml:30:5: warning: id '3c5d8e2f-4g6h-7i8j-9k0l-1m2n3o4p5q6r' is not a UUID "
                        + "(8-4-4-4-12 hexadecimal digits) [metadata]",
                "mission-rules.yml:36:7: warning: 'date' value '2024/04/19' is not an ISO date YYYY-MM-DD [metadata]"),
                rendered(result));
        assertEquals(0, result.errorCount());
        assertEquals(3, result.warningCount());
        assertEquals(2, result.rules().size());
    }

    @Test
    void nodeChildProcessRuleLowersToEndswithMatches() throws IOException {
        SigmaRule rule = loadMissionRules().rules().get(0);
        assertEquals(new RuleInfo("8e4b6c1a-1f20-4a3d-9b5a-2c1e3d4a5b6c", null,
                "Suspicious Node.js Child Process - PowerShell/CMD", "high", "experimental", "Security Arsenal",
                List.of("attack.execution", "attack.t1059.003", "attack.t1059.001"),
                new Location(SOURCE, 1, 1)), rule.info());
        assertEquals(new LogSource("process_creation", "windows", null), rule.logSource());
        assertEquals(and(
                        match("ParentImage", STAR, lit("\\node.exe")),
                        or(match("Image", STAR, lit("\\powershell.exe")), match("Image", STAR, lit("\\cmd.exe")))),
                rule.detection());
    }

    @Test
    void npmShellRuleKeepsItsNonUuidIdAndLowersAllValues() throws IOException {
        SigmaRule rule = loadMissionRules().rules().get(1);
        assertEquals("3c5d8e2f-4g6h-7i8j-9k0l-1m2n3o4p5q6r", rule.info().id());
        assertEquals("medium", rule.info().level());
        assertEquals(new Location(SOURCE, 29, 1), rule.info().location());
        assertEquals(and(
                        or(match("ParentImage", STAR, lit("\\npm.cmd")), match("ParentImage", STAR, lit("\\npm.exe"))),
                        or(match("Image", STAR, lit("\\powershell.exe")), match("Image", STAR, lit("\\cmd.exe")),
                                match("Image", STAR, lit("\\wscript.exe")), match("Image", STAR, lit("\\cscript.exe")))),
                rule.detection());
    }
}
