package io.sigscan.cli.output;

/** Writes JSON string literals: the only JSON encoding the command line needs to do by hand. */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /**
     * Appends {@code value} as a quoted JSON string. Quotes, backslashes and control characters
     * are escaped; everything else, including non-ASCII text, is kept as is (output is UTF-8).
     * Lone surrogates are replaced by {@code \ufffd} so the output stays valid UTF-8.
     */
    public static StringBuilder appendString(StringBuilder out, String value) {
        out.append('"');
        final int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isSurrogate(c)) {
                        i = appendSurrogate(out, value, i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** Keeps a well-formed surrogate pair, replaces a lone half; returns the last index used. */
    private static int appendSurrogate(StringBuilder out, String value, int index) {
        char c = value.charAt(index);
        if (Character.isHighSurrogate(c) && index + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(index + 1))) {
            out.append(c).append(value.charAt(index + 1));
            return index + 1;
        }
        out.append("\\ufffd");
        return index;
    }

    /** The quoted JSON string for {@code value}. */
    public static String quote(String value) {
        return appendString(new StringBuilder(value.length() + 2), value).toString();
    }
}
