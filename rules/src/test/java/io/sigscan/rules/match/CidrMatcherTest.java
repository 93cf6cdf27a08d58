package io.sigscan.rules.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.sigscan.rules.ir.ValueTest;

/** A matcher over several networks against one matcher per network, OR-ed, on random networks and addresses. */
class CidrMatcherTest {

    @Test
    void agreesWithTheCidrMatchersItMerges() {
        Random random = new Random(3);
        int inside = 0;
        for (int round = 0; round < 1_000; round++) {
            List<ValueTest> tests = new ArrayList<>();
            List<ValueMatcher> singles = new ArrayList<>();
            for (int n = 1 + random.nextInt(30); n > 0; n--) {
                ValueTest test = new ValueTest.Cidr(randomNetwork(random));
                tests.add(test);
                singles.add(ValueMatcher.forTest(test));
            }
            ValueMatcher merged = CidrMatcher.of(tests);
            for (int v = 0; v < 30; v++) {
                String value = randomAddress(random);
                boolean expected = singles.stream().anyMatch(single -> matches(single, value));
                assertEquals(expected, matches(merged, value), () -> tests + " on '" + value + "'");
                inside += expected ? 1 : 0;
            }
        }
        assertTrue(inside > 1_000, "the random addresses fall inside the networks often enough: " + inside);
    }

    @Test
    void findsAnAddressInTheRightFamilyOnly() {
        ValueMatcher merged = CidrMatcher.of(List.of(new ValueTest.Cidr("10.0.0.0/8"),
                new ValueTest.Cidr("192.168.0.0/16"), new ValueTest.Cidr("fe80::/10")));
        assertEquals(true, matches(merged, "10.1.2.3"));
        assertEquals(true, matches(merged, "192.168.255.1"));
        assertEquals(false, matches(merged, "192.169.0.1"));
        assertEquals(true, matches(merged, "fe80::1"));
        assertEquals(false, matches(merged, "::ffff:10.1.2.3"), "IPv4-mapped is IPv6, outside fe80::/10");
        assertEquals(false, matches(merged, "10.1.2"));
        assertEquals(false, matches(merged, ""));
    }

    @Test
    void onlyCidrTestsAreMergeable() {
        assertEquals("10.0.0.0/8", CidrMatcher.mergeableNeedle(new ValueTest.Cidr("10.0.0.0/8")));
        assertNull(CidrMatcher.mergeableNeedle(Globs.pattern("10.*", false)));
    }

    private static boolean matches(ValueMatcher matcher, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return matcher.matches(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private static String randomNetwork(Random random) {
        if (random.nextBoolean()) {
            int prefix = random.nextInt(33);
            long address = (random.nextInt(4) == 0 ? 10L << 24 : random.nextLong() & 0xFFFFFFFFL) & CidrNetwork.ipv4Mask(prefix);
            return ipv4(address) + "/" + prefix;
        }
        int prefix = random.nextInt(129);
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "fe80" : Integer.toHexString(random.nextInt(0x10000)));
        text.append(":0:0:0:0:0:0:0");
        // Clear host bits by parsing and re-rendering through the network's own masks.
        CidrNetwork wide = CidrNetwork.parse(text + "/128");
        long high = wide.highBits() & CidrNetwork.mask(prefix, true);
        long low = wide.lowBits() & CidrNetwork.mask(prefix, false);
        return ipv6(high, low) + "/" + prefix;
    }

    private static String randomAddress(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            case 1 -> ipv4(random.nextLong() & 0xFFFFFFFFL);
            case 2 -> "fe80::" + Integer.toHexString(random.nextInt(0x10000));
            case 3 -> Integer.toHexString(random.nextInt(0x10000)) + "::1";
            default -> random.nextBoolean() ? "not an address" : "::ffff:10.0.0." + random.nextInt(256);
        };
    }

    private static String ipv4(long address) {
        return (address >>> 24 & 0xFF) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "." + (address & 0xFF);
    }

    private static String ipv6(long high, long low) {
        StringBuilder text = new StringBuilder();
        for (int group = 0; group < 8; group++) {
            long half = group < 4 ? high : low;
            int shift = 48 - 16 * (group % 4);
            if (group > 0) {
                text.append(':');
            }
            text.append(Long.toHexString(half >>> shift & 0xFFFF));
        }
        return text.toString();
    }
}
