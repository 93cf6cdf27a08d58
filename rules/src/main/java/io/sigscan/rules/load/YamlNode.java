package io.sigscan.rules.load;

import io.sigscan.rules.model.Location;

import java.util.List;

/**
 * A composed YAML node detached from snakeyaml: aliases are already expanded, keys are checked
 * to be unique scalars and every node carries the location of its first character.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    Location location();

    /** What a scalar resolves to under YAML 1.1 as PyYAML resolves it. */
    enum ScalarType { STRING, INT, FLOAT, BOOL, NULL, TIMESTAMP }

    /**
     * A scalar: {@code text} is its value as pySigma sees it once PyYAML has constructed it and
     * Python's {@code str()} has turned it back into text ({@code 0x10} is {@code "16"}).
     * {@code textColumn} is the column of the value's first character when every character of
     * the value sits at its own column on the scalar's line, or -1 when escapes, folding or a
     * block style break that correspondence.
     */
    record Scalar(String text, ScalarType type, Location location, int textColumn) implements YamlNode {

        /** Where the character at {@code index} of the value is, as precisely as known. */
        Location locationOf(int index) {
            if (textColumn < 0) {
                return location;
            }
            return new Location(location.file(), location.line(), textColumn + index);
        }
    }

    record Entry(Scalar key, YamlNode value) {
    }

    record Mapping(List<Entry> entries, Location location) implements YamlNode {

        public Mapping {
            entries = List.copyOf(entries);
        }

        /** The entry whose key text is {@code key}, or null. */
        Entry entry(String key) {
            for (Entry entry : entries) {
                if (entry.key().text().equals(key)) {
                    return entry;
                }
            }
            return null;
        }

        /** The value under {@code key}, or null. */
        YamlNode get(String key) {
            Entry entry = entry(key);
            return entry == null ? null : entry.value();
        }
    }

    record Sequence(List<YamlNode> items, Location location) implements YamlNode {

        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A short name for messages: "a mapping", "a list", "the string 'x'"... */
    static String describe(YamlNode node) {
        if (node instanceof Mapping) {
            return "a mapping";
        }
        if (node instanceof Sequence) {
            return "a list";
        }
        Scalar scalar = (Scalar) node;
        return switch (scalar.type()) {
            case NULL -> "null";
            case STRING, TIMESTAMP -> "the string '" + scalar.text() + "'";
            default -> "the " + scalar.type().name().toLowerCase(java.util.Locale.ROOT) + " " + scalar.text();
        };
    }
}
