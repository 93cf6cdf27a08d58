package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class BundledRulesTest {

    @Test
    void indexListsEveryRuleFileShipped() throws IOException, URISyntaxException {
        Path directory = Path.of(BundledRules.class.getResource("rules").toURI());
        List<String> shipped;
        try (Stream<Path> files = Files.list(directory)) {
            shipped = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yml")).sorted()
                    .map(name -> BundledRules.SOURCE_PREFIX + name).toList();
        }
        assertEquals(shipped, BundledRules.all().stream().map(BundledRules.RuleText::sourceName).sorted().toList());
    }

    @Test
    void missionRulesAreShippedAsTwoDocuments() throws IOException {
        BundledRules.RuleText mission = BundledRules.all().stream()
                .filter(text -> text.sourceName().equals("bundled/mission-npm-supply-chain.yml")).findFirst().orElseThrow();
        assertTrue(mission.yaml().startsWith("title: Suspicious Node.js Child Process - PowerShell/CMD\n"));
        assertTrue(mission.yaml().contains("\n---\ntitle: NPM Install Spawning Shell\n"));
        assertTrue(mission.yaml().endsWith("level: medium\n"));
    }

    @Test
    void ownRulesCreditSigscanWithFreshIds() throws IOException {
        for (BundledRules.RuleText text : BundledRules.all()) {
            if (!text.sourceName().contains("mission")) {
                assertTrue(text.yaml().contains("\nauthor: sigscan\n"), text.sourceName());
                assertTrue(text.yaml().matches("(?s).*\nid: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n.*"),
                        text.sourceName());
            }
        }
    }
}
