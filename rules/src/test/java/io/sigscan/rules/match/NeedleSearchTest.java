package io.sigscan.rules.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The hashed needle search against a plain oracle (every needle tested with a folded
 * {@code contains}) on random needle sets and values: short needles, needles sharing windows,
 * non-ASCII bytes, and the characters that defeat ASCII folding.
 */
class NeedleSearchTest {
    private static final String[] VALUE_ALPHABET = {"a", "B", "c", "\\", ".", "e", "X", "E", "-", "ä", "–", "0"};
    private static final String[] NEEDLE_ALPHABET = {"a", "b", "c", "\\", ".", "e", "x", "-", "ä", "–", "0"};

    @Test
    void findsExactlyTheNeedlesThatOccur() {
        Random random = new Random(11);
        for (int round = 0; round < 400; round++) {
            List<String> needles = randomNeedles(random, 1 + random.nextInt(random.nextBoolean() ? 8 : 300), 1);
            assertFindsExactly(random, needles);
        }
    }

    /** Sets whose needles all have five bytes or more: each filed under several windows, scanned with a stride. */
    @Test
    void findsExactlyTheLongNeedlesThatOccurWhateverTheStride() {
        Random random = new Random(12);
        for (int round = 0; round < 400; round++) {
            int shortest = 5 + random.nextInt(8);
            List<String> needles = randomNeedles(random, 1 + random.nextInt(random.nextBoolean() ? 8 : 100), shortest);
            assertFindsExactly(random, needles);
        }
    }

    /** Long needles with a few short ones that start with at most four distinct bytes: those are searched apart. */
    @Test
    void findsExactlyTheNeedlesWhenShortOnesAreSearchedApart() {
        Random random = new Random(13);
        String[] starts = {"a", "\\", "ä", "-"};
        int apart = 0;
        for (int round = 0; round < 400; round++) {
            Set<String> needles = new LinkedHashSet<>(randomNeedles(random, 1 + random.nextInt(60), 5 + random.nextInt(4)));
            for (int k = 1 + random.nextInt(6); k > 0; k--) {
                needles.add(starts[random.nextInt(starts.length)] + Globs.randomText(random, NEEDLE_ALPHABET, random.nextInt(2)));
            }
            List<String> list = new ArrayList<>(needles);
            if (NeedleSearch.build(list, ids(list.size(), 100)).searchesShortNeedlesApart()) {
                apart++;
            }
            assertFindsExactly(random, list);
        }
        assertEquals(true, apart > 300, "only " + apart + " of 400 sets searched their short needles apart");
    }

    /** Only short needles, starting with at most four distinct bytes: searched apart, the tables empty. */
    @Test
    void findsExactlyTheNeedlesWhenAllAreShortAndSearchedApart() {
        Random random = new Random(17);
        String[] starts = {"a", "\\", "ä", "\""};
        for (int round = 0; round < 400; round++) {
            Set<String> needles = new LinkedHashSet<>();
            for (int k = 1 + random.nextInt(6); k > 0; k--) {
                needles.add(starts[random.nextInt(starts.length)] + Globs.randomText(random, NEEDLE_ALPHABET, random.nextInt(2)));
            }
            List<String> list = new ArrayList<>(needles);
            NeedleSearch search = NeedleSearch.build(list, ids(list.size(), 100));
            assertEquals(true, search.searchesShortNeedlesApart(), list.toString());
            assertEquals(list.stream().mapToInt(n -> n.getBytes(StandardCharsets.UTF_8).length).min().getAsInt(),
                    search.shortestNeedle(), list.toString());
            assertFindsExactly(random, list);
        }
    }

    private static void assertFindsExactly(Random random, List<String> needles) {
        NeedleSearch search = NeedleSearch.build(needles, ids(needles.size(), 100));
        for (int v = 0; v < 30; v++) {
            String value = Globs.randomText(random, VALUE_ALPHABET, random.nextInt(40));
            if (random.nextInt(3) == 0) {
                // Plant a needle, so that long ones occur at all, at any offset.
                String needle = needles.get(random.nextInt(needles.size()));
                int at = random.nextInt(value.length() + 1);
                value = value.substring(0, at) + (random.nextBoolean() ? needle : needle.toUpperCase(Locale.ROOT))
                        + value.substring(at);
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            Set<Integer> found = new TreeSet<>();
            int result = search.scan(framed(value), 3, bytes.length, needle -> {
                found.add(needle);
                return false;
            });
            Set<Integer> expected = new TreeSet<>();
            for (int n = 0; n < needles.size(); n++) {
                if (folded(value).contains(needles.get(n))) {
                    expected.add(100 + n);
                }
            }
            assertEquals(NeedleSearch.NO_NEEDLE, result);
            assertEquals(expected, found, needles + " in " + value);
            assertEquals(expected.isEmpty() ? NeedleSearch.NO_NEEDLE : NeedleSearch.STOPPED,
                    search.findAny(framed(value), 3, bytes.length), needles + " in " + value);
        }
    }

    /** Every byte value in every lane, next to every other: only 'A'..'Z' change, each to its lower case. */
    @Test
    void lowerAsciiFoldsEightBytesExactlyAsOneByOne() {
        for (int b = 0; b < 256; b++) {
            for (int neighbour = 0; neighbour < 256; neighbour += 17) {
                for (int lane = 0; lane < 8; lane++) {
                    long word = 0;
                    long expected = 0;
                    for (int k = 0; k < 8; k++) {
                        int value = k == lane ? b : (neighbour + k) & 0xFF;
                        int folded = value >= 'A' && value <= 'Z' ? value + 32 : value;
                        word |= (long) value << (8 * k);
                        expected |= (long) folded << (8 * k);
                    }
                    assertEquals(expected, NeedleSearch.lowerAscii(word), "byte " + b + " in lane " + lane);
                }
            }
        }
    }

    @Test
    void aNeedleIsFoundAtTheEdgesOfTheValueAndInSpiteOfCase() {
        List<String> needles = List.of("cmd.exe", "-e", "x", "\\windows\\system32\\");
        NeedleSearch search = NeedleSearch.build(needles, ids(4, 0));
        assertEquals(Set.of(0, 1, 2), scanAll(search, "CMD.EXE -E"));
        assertEquals(Set.of(1), scanAll(search, "-E"));
        assertEquals(Set.of(2, 3), scanAll(search, "C:\\WINDOWS\\System32\\X"));
        assertEquals(Set.of(), scanAll(search, "cmd.e"));
    }

    @Test
    void aCharacterThatFoldsToAsciiDefeatsTheSearch() {
        // "kill" is scanned byte by byte, "killswitch" with a stride: both must notice.
        for (String needle : List.of("kill", "killswitch")) {
            NeedleSearch search = NeedleSearch.build(List.of(needle), ids(1, 0));
            for (String value : List.of("\u212Aill", "xİ", "ı", "ſ", "a long ascii prefix before the kelvin sign \u212Aill")) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                assertEquals(NeedleSearch.FOLDING_DEFEATED, search.scan(framed(value), 3, bytes.length, found -> false),
                        value);
                assertEquals(NeedleSearch.FOLDING_DEFEATED, search.findAny(new UnsafeBuffer(bytes), 0, bytes.length),
                        value);
            }
            byte[] umlaut = ("k\u00e4ill " + needle).getBytes(StandardCharsets.UTF_8);
            assertEquals(NeedleSearch.STOPPED, search.scan(new UnsafeBuffer(umlaut), 0, umlaut.length, found -> true),
                    needle);
        }
    }

    private static Set<Integer> scanAll(NeedleSearch search, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Set<Integer> found = new TreeSet<>();
        search.scan(framed(value), 3, bytes.length, needle -> {
            found.add(needle);
            return false;
        });
        return found;
    }

    /** {@code count} distinct needles of at least {@code shortest} characters. */
    private static List<String> randomNeedles(Random random, int count, int shortest) {
        Set<String> needles = new LinkedHashSet<>();
        // A shared stem, so that many needles share four-byte runs, as rule fragments do.
        String stem = Globs.randomText(random, NEEDLE_ALPHABET, 4);
        while (needles.size() < count) {
            String needle = Globs.randomText(random, NEEDLE_ALPHABET, shortest + random.nextInt(7));
            needles.add(random.nextInt(3) == 0 ? stem + needle : needle);
        }
        return new ArrayList<>(needles);
    }

    private static int[] ids(int count, int first) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = first + i;
        }
        return ids;
    }

    /** ASCII case folding, as the search does. */
    private static String folded(String text) {
        StringBuilder result = new StringBuilder();
        for (char c : text.toCharArray()) {
            result.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return result.toString();
    }

    /** The value between letters a search must not read, at offset 3: a needle completed by them is a bug. */
    private static UnsafeBuffer framed(String value) {
        return new UnsafeBuffer(("xyz" + value + "zyx").getBytes(StandardCharsets.UTF_8));
    }
}
