package io.sigscan.engine.json;

import static io.sigscan.engine.Fixtures.contains;
import static io.sigscan.engine.Fixtures.rule;
import static io.sigscan.engine.Fixtures.ruleSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.sigscan.engine.Recorder;
import io.sigscan.engine.ScanOptions;
import io.sigscan.engine.ScanProblem;
import io.sigscan.engine.Scanner;
import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;

/** Mutated JSON must only ever produce events and bad-json/too-long reports: never a reader failure. */
class HostileJsonTest {
    private static final byte[] NASTY = "{}[]\",:\\u0\n\r\t -1e+.tfn\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    private static String sample() {
        return """
                {"Event":{"System":{"EventID":{"#attributes":{"Qualifiers":16384},"#text":7045},"Provider":\
                {"#attributes":{"Name":"Service Control Manager"}}},"EventData":{"Data":[{"@Name":"ImagePath",\
                "#text":"C:\\\\a b\\\\x.exe \\u00e9\\ud83d\\ude00"},{"Name":"Start Type","#text":3}]}}}
                {"Image":"cmd.exe","tags":["a",1,true,null,{"x":[]}],"n":-1.5e-3}
                {
                  "Event": {"UserData": {"Any": {"Child": "v"}}}
                }
                """;
    }

    @Test
    void randomMutationsNeverBreakTheReader() {
        FieldTable.Builder fields = FieldTable.builder();
        int image = fields.add("Image");
        int path = fields.add("ImagePath");
        fields.add("EventID");
        fields.add("StartType");
        fields.add("Provider_Name");
        fields.add("tags.x");
        fields.add("Child");
        CompiledRuleSet rules = ruleSet(fields.build(), rule("image", contains(image, "cmd")),
                rule("path", contains(path, "x.exe")), rule("keywords", contains(EventView.KEYWORDS, "v")));
        byte[] original = sample().getBytes(StandardCharsets.UTF_8);
        Random random = new Random(2024);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 3000; i++) {
                final int round = i;
                final byte[] bytes = mutate(original, random);
                Recorder out = new Recorder();
                ScanOptions options = new ScanOptions(1 + round % 2, 1 + random.nextInt(64), 1 + random.nextInt(400));
                new Scanner(rules, options).scan("mutant-" + round, new UnsafeBuffer(bytes), 0, bytes.length, out, out);
                for (ScanProblem problem : out.problems) {
                    boolean expected = problem.kind().equals("bad-json") || problem.kind().equals("too-long")
                            || problem.kind().equals("invalid-utf8");
                    assertEquals(true, expected, () -> "round " + round + ": " + problem + " in "
                            + new String(bytes, StandardCharsets.ISO_8859_1));
                }
            }
        });
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes[at] = NASTY[random.nextInt(NASTY.length)];
                case 2 -> bytes = java.util.Arrays.copyOf(bytes, at);
                default -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = NASTY[random.nextInt(NASTY.length)];
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
            }
            if (bytes.length == 0) {
                return bytes;
            }
        }
        return bytes;
    }
}
