package io.sigscan.cli.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A one-line human summary of an event's JSON for the table format. Process creations read as
 * {@code host  parent.exe > child.exe  command line}; anything else as its first leaf
 * {@code key=value} pairs. Tolerates malformed or deeply nested JSON: it is a flat scan, never
 * recursive, and keeps whatever it understood before a problem.
 */
final class EventSummary {
    private static final int MAX_LEAVES = 64;
    private static final int GENERIC_LEAVES = 6;

    private EventSummary() {
    }

    static String of(String json) {
        Map<String, String> leaves = leaves(json);
        String image = first(leaves, "Image", "NewProcessName");
        if (image != null) {
            StringBuilder text = new StringBuilder();
            String host = first(leaves, "Computer", "Hostname");
            if (host != null) {
                text.append(host).append("  ");
            }
            String parent = first(leaves, "ParentImage", "ParentProcessName");
            if (parent != null) {
                text.append(baseName(parent)).append(" > ");
            }
            text.append(baseName(image));
            String commandLine = leaves.get("CommandLine");
            if (commandLine != null) {
                text.append("  ").append(commandLine);
            }
            return text.toString();
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> leaf : leaves.entrySet()) {
            if (pairs.size() == GENERIC_LEAVES) {
                break;
            }
            pairs.add(leaf.getKey() + "=" + leaf.getValue());
        }
        return String.join(" ", pairs);
    }

    private static String first(Map<String, String> leaves, String name, String alternative) {
        String value = leaves.get(name);
        return value != null ? value : leaves.get(alternative);
    }

    private static String baseName(String path) {
        return path.substring(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
    }

    /** Scalar values by the name of the key that holds them (first occurrence wins), in order. */
    static Map<String, String> leaves(String json) {
        Map<String, String> leaves = new LinkedHashMap<>();
        StringBuilder containers = new StringBuilder();
        boolean expectKey = false;
        String key = null;
        int i = 0;
        final int length = json.length();
        while (i < length && leaves.size() < MAX_LEAVES) {
            char c = json.charAt(i);
            switch (c) {
                case '{' -> {
                    containers.append('{');
                    expectKey = true;
                    i++;
                }
                case '[' -> {
                    containers.append('[');
                    expectKey = false;
                    i++;
                }
                case '}', ']' -> {
                    if (containers.length() > 0) {
                        containers.setLength(containers.length() - 1);
                    }
                    i++;
                }
                case ',' -> {
                    expectKey = containers.length() > 0 && containers.charAt(containers.length() - 1) == '{';
                    i++;
                }
                case ':', ' ', '\t', '\r', '\n' -> i++;
                case '"' -> {
                    StringBuilder text = new StringBuilder();
                    i = readString(json, i + 1, text);
                    if (expectKey) {
                        key = text.toString();
                        expectKey = false;
                    } else if (key != null) {
                        leaves.putIfAbsent(key, text.toString());
                    }
                }
                default -> {
                    int end = i;
                    while (end < length && ",}] \t\r\n".indexOf(json.charAt(end)) < 0) {
                        end++;
                    }
                    if (key != null && !expectKey) {
                        leaves.putIfAbsent(key, json.substring(i, end));
                    }
                    i = end;
                }
            }
        }
        return leaves;
    }

    /** Decodes the string starting after its opening quote; returns the index after its closing quote. */
    private static int readString(String json, int start, StringBuilder text) {
        int i = start;
        final int length = json.length();
        while (i < length) {
            char c = json.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c != '\\' || i >= length) {
                text.append(c);
                continue;
            }
            char escaped = json.charAt(i++);
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'u' -> {
                    if (i + 4 <= length && isHex(json, i)) {
                        text.append((char) Integer.parseInt(json, i, i + 4, 16));
                        i += 4;
                    } else {
                        text.append("\\u");
                    }
                }
                default -> text.append(escaped);
            }
        }
        return i;
    }

    private static boolean isHex(String json, int start) {
        for (int i = start; i < start + 4; i++) {
            if (Character.digit(json.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
