package io.sigscan.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules shipped inside the jar, used when no {@code --rules} are given. A jar's directories
 * cannot be listed, so {@code rules/index.txt} names the files, one per line. Public for the
 * benchmarks, which scan with the same rules.
 */
public final class BundledRules {
    /** Prefix of the source name of a bundled rule file in diagnostics and output. */
    static final String SOURCE_PREFIX = "bundled/";
    private static final String DIRECTORY = "rules/";

    private BundledRules() {
    }

    /** A rule file's name as diagnostics show it, and its text. */
    public record RuleText(String sourceName, String yaml) {
    }

    public static List<RuleText> all() throws IOException {
        List<RuleText> texts = new ArrayList<>();
        for (String name : read(DIRECTORY + "index.txt").split("\n")) {
            String file = name.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                texts.add(new RuleText(SOURCE_PREFIX + file, read(DIRECTORY + file)));
            }
        }
        return List.copyOf(texts);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = BundledRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("bundled resource " + resource + " is missing from the jar");
            }
            StringBuilder text = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                char[] buffer = new char[8192];
                for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                    text.append(buffer, 0, n);
                }
            }
            return text.toString();
        }
    }
}
