package io.sigscan.cli.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

/** The value shapes Windows telemetry is full of, drawn from one seeded {@link Random}. */
final class RandomValues {
    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private final Random random;
    private final Map<String, String> hashes = new HashMap<>();

    RandomValues(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Windows process ids are multiples of 4. */
    int processId() {
        return 4 * (64 + random.nextInt(16000));
    }

    /** A GUID in braces, upper case, as Sysmon writes them. */
    String guid() {
        String high = UPPER_HEX.toHexDigits(random.nextLong());
        String low = UPPER_HEX.toHexDigits(random.nextLong());
        return "{" + high.substring(0, 8) + "-" + high.substring(8, 12) + "-" + high.substring(12) + "-"
                + low.substring(0, 4) + "-" + low.substring(4) + "}";
    }

    /** A logon session id of an interactive user. */
    String userLogonId() {
        return "0x" + Integer.toHexString(0x100000 + random.nextInt(0xFFFFFF));
    }

    /** Stable fake hashes: the same executable always hashes the same, as on a real fleet. */
    String hashesOf(String path) {
        return hashes.computeIfAbsent(path, p -> "SHA256=" + digest("SHA-256", p) + ",IMPHASH=" + digest("MD5", p));
    }

    private static String digest(String algorithm, String text) {
        try {
            byte[] bytes = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return UPPER_HEX.formatHex(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides " + algorithm, e);
        }
    }
}
