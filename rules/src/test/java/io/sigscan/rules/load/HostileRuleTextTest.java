package io.sigscan.rules.load;

import io.sigscan.rules.model.Problem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random damage to a real rule file: every variant loads to rules and problems, never
 * to an exception or an internal error.
 */
class HostileRuleTextTest {

    private static final String ALPHABET = " \t\n:-|*?\\'\"[]{}&!%#>@`,0aZ\u00e9\u2013";
    private static final int VARIANTS = 1000;

    @Test
    void damagedRuleTextsOnlyEverYieldProblems() throws IOException {
        String original;
        try (InputStream in = HostileRuleTextTest.class.getResourceAsStream("mission-rules.yml")) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RuleLoader loader = RuleLoader.defaults();
        Random random = new Random(20261128);
        int loadedSomething = 0;
        for (int variant = 0; variant < VARIANTS; variant++) {
            String damaged = damage(original, random);
            LoadResult result = loader.load("damaged.yml", damaged);
            List<Problem> internal = result.problems().stream()
                    .filter(problem -> problem.kind().equals(ProblemKind.INTERNAL)).toList();
            assertEquals(List.of(), internal, () -> "internal error for:\n" + damaged);
            if (!result.rules().isEmpty()) {
                loadedSomething++;
            }
        }
        assertTrue(loadedSomething > 0, "some damaged variants must still hold a loadable rule");
    }

    private static String damage(String text, Random random) {
        StringBuilder damaged = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int edit = 0; edit < edits; edit++) {
            int at = random.nextInt(damaged.length());
            switch (random.nextInt(4)) {
                case 0 -> damaged.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> damaged.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> damaged.deleteCharAt(at);
                default -> damaged.setLength(at);
            }
            if (damaged.length() == 0) {
                break;
            }
        }
        return damaged.toString();
    }
}
