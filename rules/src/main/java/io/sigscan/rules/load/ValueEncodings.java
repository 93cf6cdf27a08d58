package io.sigscan.rules.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The transforming modifiers on literal text, exactly as pySigma defines them: windash,
 * base64, base64offset and the UTF-16 encodings. Encoded bytes are carried as text with one
 * char per byte (ISO-8859-1), the form pySigma's wide strings take for ASCII input.
 */
final class ValueEncodings {

    /** The characters {@code windash} puts in place of each {@code -} or {@code /}. */
    static final String[] DASHES = {"-", "/", "\u2013", "\u2014", "\u2015"};
    /** Five variants per dash: six dashes already make 15,625 values. */
    static final int MAX_WINDASH_POSITIONS = 5;

    private static final int[] OFFSET_STARTS = {0, 2, 3};
    private static final int[] OFFSET_END_TRIM = {0, 3, 2};

    private ValueEncodings() {
    }

    /**
     * Positions of the dashes {@code windash} expands: a {@code -} or {@code /} not preceded by a
     * word character and followed by one (pySigma's regex {@code \B[-/]\b}, with Python's
     * Unicode notion of word characters).
     */
    static List<Integer> windashPositions(String text) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '-' || c == '/')
                    && (i == 0 || !isWordChar(text.charAt(i - 1)))
                    && i + 1 < text.length() && isWordChar(text.charAt(i + 1))) {
                positions.add(i);
            }
        }
        return positions;
    }

    /** Every combination of dash characters at {@code positions}, first combination unchanged. */
    static List<String> windashVariants(String text, List<Integer> positions) {
        List<String> variants = new ArrayList<>();
        variants.add(text);
        for (int position : positions) {
            List<String> next = new ArrayList<>(variants.size() * DASHES.length);
            for (String dash : DASHES) {
                for (String variant : variants) {
                    next.add(variant.substring(0, position) + dash + variant.substring(position + 1));
                }
            }
            variants = next;
        }
        return variants;
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** True when every char is ASCII, the only input pySigma's wide encodings accept. */
    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** UTF-16 bytes of ASCII {@code text}, one char per byte; {@code utf16} adds the FF FE mark. */
    static String utf16(String text, Modifier encoding) {
        StringBuilder bytes = new StringBuilder(text.length() * 2 + 2);
        if (encoding == Modifier.UTF16) {
            bytes.append('\u00ff').append('\u00fe');
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (encoding == Modifier.UTF16BE) {
                bytes.append('\0').append(c);
            } else {
                bytes.append(c).append('\0');
            }
        }
        return bytes.toString();
    }

    /** The bytes a value stands for: UTF-8 text, or the bytes an encoding modifier produced. */
    static byte[] bytes(String text, boolean encoded) {
        return text.getBytes(encoded ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The three strings that appear in base64 text when {@code bytes} sit at offset 0, 1 or 2 of
     * the encoded data, trimmed of the characters that depend on neighbours; pySigma's slicing
     * {@code b64encode(i * b' ' + val)[start[i] : end[(len(val) + i) % 3]]}, where
     * {@code length} is pySigma's {@code len(val)} (characters of the value).
     */
    static List<String> base64Offsets(byte[] bytes, int length) {
        List<String> variants = new ArrayList<>(3);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[bytes.length + shift];
            for (int i = 0; i < shift; i++) {
                shifted[i] = ' ';
            }
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            String encoded = base64(shifted);
            int start = Math.min(OFFSET_STARTS[shift], encoded.length());
            int end = encoded.length() - OFFSET_END_TRIM[(length + shift) % 3];
            variants.add(end > start ? encoded.substring(start, end) : "");
        }
        return variants;
    }
}
