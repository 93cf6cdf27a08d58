package io.sigscan.rules.model;

/** A rule's {@code logsource}: each part may be null when the rule leaves it open. */
public record LogSource(String category, String product, String service) {

    public static final LogSource ANY = new LogSource(null, null, null);

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        append(text, "product", product);
        append(text, "category", category);
        append(text, "service", service);
        return text.length() == 0 ? "(any)" : text.toString();
    }

    private static void append(StringBuilder text, String key, String value) {
        if (value != null) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(key).append('=').append(value);
        }
    }
}
