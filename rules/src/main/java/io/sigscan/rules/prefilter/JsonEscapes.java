package io.sigscan.rules.prefilter;

/**
 * Needles as JSON text writes them, for searching values that are still JSON-escaped
 * ({@link io.sigscan.rules.event.JsonTextValues}): each character the one way JSON allows in a
 * one-way escaped string.
 */
final class JsonEscapes {

    private JsonEscapes() {
    }

    /**
     * {@code needle} JSON-escaped: backslash, quote and the control characters with a short escape
     * get it; other control characters become <code>&#92;u00xx</code>, which one-way escaped text
     * never holds, just as it never holds those characters.
     */
    static String escaped(String needle) {
        StringBuilder out = null;
        for (int i = 0; i < needle.length(); i++) {
            char c = needle.charAt(i);
            String escape = switch (c) {
                case '\\' -> "\\\\";
                case '"' -> "\\\"";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> c < 0x20 ? String.format("\\u%04x", (int) c) : null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(needle.length() + 8).append(needle, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? needle : out.toString();
    }
}
