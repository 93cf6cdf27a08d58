package io.sigscan.rules.prefilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.compile.TestEvent;
import io.sigscan.rules.event.FieldTable;

/**
 * The automaton against a plain {@code indexOf} oracle: for random needle sets over a small
 * alphabet (so needles overlap, nest and share prefixes and suffixes) and random values, the
 * variants marked are exactly those one of whose needles occurs in a value, case-folded.
 */
class PrefilterTest {
    private static final String ALPHABET = "abAB\\.-x\u2013";

    @Test
    void marksExactlyTheVariantsWhoseNeedlesOccur() {
        Random random = new Random(7);
        FieldTable fields = fields();
        for (int round = 0; round < 300; round++) {
            int variants = 1 + random.nextInt(70);
            List<List<Needle>> witnesses = new ArrayList<>();
            Prefilter.Builder builder = Prefilter.builder(fields, variants);
            for (int v = 0; v < variants; v++) {
                List<Needle> witness = new ArrayList<>();
                for (int n = random.nextInt(3); n >= 0; n--) {
                    String field = random.nextBoolean() ? "Image" : "CommandLine";
                    witness.add(new Needle(field, randomText(random, 1 + random.nextInt(4)).toLowerCase(Locale.ROOT)));
                }
                witnesses.add(witness);
                builder.add(v, witness);
            }
            Prefilter prefilter = builder.build();
            long[] marked = new long[(variants + 63) / 64];
            Prefilter.Scratch scratch = prefilter.newScratch(marked);
            for (int e = 0; e < 20; e++) {
                String image = randomText(random, random.nextInt(12));
                String[] commandLine = {randomText(random, random.nextInt(20)), randomText(random, random.nextInt(5))};
                TestEvent event = TestEvent.of(fields).put("Image", image).put("CommandLine", commandLine[0])
                        .put("CommandLine", commandLine[1]);
                Arrays.fill(marked, 0);
                scratch.nextEvent();
                prefilter.markCandidates(0, event, scratch);
                for (int v = 0; v < variants; v++) {
                    boolean expected = witnesses.get(v).stream().anyMatch(needle -> needle.field().equals("Image")
                            ? folded(image).contains(needle.text())
                            : folded(commandLine[0]).contains(needle.text()) || folded(commandLine[1]).contains(needle.text()));
                    boolean actual = (marked[v >>> 6] & (1L << v)) != 0;
                    assertEquals(expected, actual, "variant " + v + " " + witnesses.get(v) + " on " + image + " / "
                            + String.join(" | ", commandLine));
                }
            }
        }
    }

    @Test
    void aValueWhoseNonAsciiCharacterFoldsToAsciiMarksEveryNeedleOfItsField() {
        FieldTable fields = fields();
        Prefilter prefilter = Prefilter.builder(fields, 3)
                .add(0, List.of(new Needle("CommandLine", "kill")))
                .add(1, List.of(new Needle("CommandLine", "zzz")))
                .add(2, List.of(new Needle("Image", "kill")))
                .build();
        long[] marked = new long[1];
        // "\u212Aill" (Kelvin sign) folds to "kill": no needle occurs byte for byte, yet a rule may match.
        Prefilter.Scratch scratch = prefilter.newScratch(marked);
        scratch.nextEvent();
        prefilter.markCandidates(0, TestEvent.of(fields).put("CommandLine", "\u212Aill -9").put("Image", "x"), scratch);
        assertEquals(0b011L, marked[0]);
    }

    @Test
    void unwitnessedVariantsAreNeverMarked() {
        FieldTable fields = fields();
        Prefilter prefilter = Prefilter.builder(fields, 2).add(0, null).add(1, List.of(new Needle("Image", "cmd"))).build();
        long[] marked = new long[1];
        Prefilter.Scratch scratch = prefilter.newScratch(marked);
        scratch.nextEvent();
        prefilter.markCandidates(0, TestEvent.of(fields).put("Image", "CMD.EXE"), scratch);
        assertEquals(0b10L, marked[0]);
        assertEquals(false, prefilter.isWitnessed(0));
    }

    @Test
    void aGroupMarksOnlyItsOwnVariants() {
        FieldTable fields = fields();
        Prefilter prefilter = Prefilter.builder(fields, 3)
                .add(0, 0, List.of(new Needle("Image", "cmd")))
                .add(1, 1, List.of(new Needle("Image", "cmd")))
                .add(2, 1, List.of(new Needle("CommandLine", "whoami")))
                .build();
        long[] marked = new long[1];
        Prefilter.Scratch scratch = prefilter.newScratch(marked);
        TestEvent event = TestEvent.of(fields).put("Image", "C:\\Windows\\cmd.exe").put("CommandLine", "whoami /all");
        scratch.nextEvent();
        prefilter.markCandidates(1, event, scratch);
        assertEquals(0b110L, marked[0]);
        marked[0] = 0;
        prefilter.markCandidates(0, event, scratch);
        assertEquals(0b001L, marked[0]);
        marked[0] = 0;
        prefilter.markCandidates(5, event, scratch);
        assertEquals(0L, marked[0], "a group without needles marks nothing");
    }

    @Test
    void mergedSearchesMarkWhatTheirGroupsMarkOneByOne() {
        FieldTable fields = fields();
        Prefilter prefilter = Prefilter.builder(fields, 4)
                .add(0, 0, List.of(new Needle("CommandLine", "whoami")))
                .add(1, 1, List.of(new Needle("CommandLine", "whoami")))
                .add(2, 1, List.of(new Needle("Image", "cmd")))
                .add(3, 2, List.of(new Needle("CommandLine", "net user")))
                .build();
        TestEvent event = TestEvent.of(fields).put("Image", "C:\\Windows\\cmd.exe").put("CommandLine", "whoami /all");
        long[] oneByOne = new long[1];
        Prefilter.Scratch scratch = prefilter.newScratch(oneByOne);
        scratch.nextEvent();
        prefilter.markCandidates(0, event, scratch);
        prefilter.markCandidates(1, event, scratch);
        long[] merged = new long[1];
        Prefilter.Scratch mergedScratch = prefilter.newScratch(merged);
        mergedScratch.nextEvent();
        prefilter.markCandidates(prefilter.searchesOf(new int[] {0, 1}), event, mergedScratch);
        assertEquals(0b0111L, oneByOne[0]);
        assertEquals(oneByOne[0], merged[0]);
        assertSame(prefilter.searchesOf(new int[] {0, 1}), prefilter.searchesOf(new int[] {0, 1}), "built once");
    }

    @Test
    void mergedSearchesAreBoundedWhateverTheEventsAskFor() {
        FieldTable fields = fields();
        int groups = 30;
        Prefilter.Builder builder = Prefilter.builder(fields, groups);
        for (int g = 0; g < groups; g++) {
            builder.add(g, g, List.of(new Needle("CommandLine", "needle" + g)));
        }
        Prefilter prefilter = builder.build();
        Prefilter.Searches first = prefilter.searchesOf(new int[] {0, 1});
        int built = 1;
        for (int a = 0; a < groups && built < Prefilter.MAX_MERGED; a++) {
            for (int b = a + 1; b < groups && built < Prefilter.MAX_MERGED; b++) {
                if (prefilter.searchesOf(new int[] {a, b}) != null && !(a == 0 && b == 1)) {
                    built++;
                }
            }
        }
        assertEquals(Prefilter.MAX_MERGED, built);
        assertEquals(null, prefilter.searchesOf(new int[] {28, 29}), "past the bound: search group by group");
        assertSame(first, prefilter.searchesOf(new int[] {0, 1}), "combinations built before stay available");
    }

    @Test
    void aNeedleReportedTwiceInOneEventMarksOnceAndAgainInTheNext() {
        FieldTable fields = fields();
        Prefilter prefilter = Prefilter.builder(fields, 1).add(0, List.of(new Needle("CommandLine", "ab"))).build();
        long[] marked = new long[1];
        Prefilter.Scratch scratch = prefilter.newScratch(marked);
        TestEvent event = TestEvent.of(fields).put("CommandLine", "ab ab").put("CommandLine", "AB");
        scratch.nextEvent();
        prefilter.markCandidates(0, event, scratch);
        assertEquals(1L, marked[0]);
        marked[0] = 0;
        prefilter.markCandidates(0, event, scratch);
        assertEquals(0L, marked[0], "already reported in this event");
        scratch.nextEvent();
        prefilter.markCandidates(0, event, scratch);
        assertEquals(1L, marked[0], "a new event reports it again");
    }

    private static FieldTable fields() {
        FieldTable.Builder builder = FieldTable.builder();
        builder.add("Image");
        builder.add("CommandLine");
        return builder.build();
    }

    /** ASCII case folding, as the automaton does. */
    private static String folded(String text) {
        StringBuilder result = new StringBuilder();
        for (char c : text.toCharArray()) {
            result.append(c < 0x80 ? Character.toLowerCase(c) : c);
        }
        return result.toString();
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
