package io.sigscan.rules.load;

import io.sigscan.rules.ir.ValueTest;

import java.util.ArrayList;
import java.util.List;

/**
 * Sigma string values as pattern parts. Escaping follows the spec and pySigma: {@code \*},
 * {@code \?} and {@code \\} stand for a literal star, question mark and backslash; a backslash
 * before any other character, or at the end, is itself literal (so {@code \node.exe} is the
 * literal text {@code \node.exe} and {@code \\\\} is two backslashes).
 */
final class SigmaStrings {

    private SigmaStrings() {
    }

    /** Parses a rule value into literal runs and wildcards. */
    static List<ValueTest.Part> parse(String value) {
        List<ValueTest.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                char next = i + 1 < length ? value.charAt(i + 1) : 0;
                if (next == '*' || next == '?' || next == '\\') {
                    literal.append(next);
                    i++;
                } else {
                    literal.append('\\');
                }
            } else if (c == '*' || c == '?') {
                flush(literal, parts);
                parts.add(c == '*' ? ValueTest.ANY_STRING : ValueTest.ANY_CHAR);
            } else {
                literal.append(c);
            }
        }
        flush(literal, parts);
        return parts;
    }

    /**
     * Normalises parts: adjacent literals merge and runs of {@code *} collapse to one, so
     * equal patterns compare equal whichever modifiers produced them.
     */
    static List<ValueTest.Part> normalise(List<ValueTest.Part> parts) {
        List<ValueTest.Part> result = new ArrayList<>(parts.size());
        StringBuilder literal = new StringBuilder();
        for (ValueTest.Part part : parts) {
            if (part instanceof ValueTest.Literal text) {
                literal.append(text.text());
                continue;
            }
            flush(literal, result);
            if (part instanceof ValueTest.AnyString && !result.isEmpty()
                    && result.get(result.size() - 1) instanceof ValueTest.AnyString) {
                continue;
            }
            result.add(part);
        }
        flush(literal, result);
        return result;
    }

    /** The parts with {@code *} in front unless they already start with one. */
    static List<ValueTest.Part> withLeadingStar(List<ValueTest.Part> parts) {
        if (!parts.isEmpty() && parts.get(0) instanceof ValueTest.AnyString) {
            return parts;
        }
        List<ValueTest.Part> result = new ArrayList<>(parts.size() + 1);
        result.add(ValueTest.ANY_STRING);
        result.addAll(parts);
        return result;
    }

    /** The parts with {@code *} at the end unless they already end with one. */
    static List<ValueTest.Part> withTrailingStar(List<ValueTest.Part> parts) {
        if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof ValueTest.AnyString) {
            return parts;
        }
        List<ValueTest.Part> result = new ArrayList<>(parts.size() + 1);
        result.addAll(parts);
        result.add(ValueTest.ANY_STRING);
        return result;
    }

    static boolean hasWildcards(List<ValueTest.Part> parts) {
        for (ValueTest.Part part : parts) {
            if (!(part instanceof ValueTest.Literal)) {
                return true;
            }
        }
        return false;
    }

    /** The text of a wildcard-free pattern. */
    static String literalText(List<ValueTest.Part> parts) {
        StringBuilder text = new StringBuilder();
        for (ValueTest.Part part : parts) {
            text.append(((ValueTest.Literal) part).text());
        }
        return text.toString();
    }

    private static void flush(StringBuilder literal, List<ValueTest.Part> parts) {
        if (literal.length() > 0) {
            parts.add(new ValueTest.Literal(literal.toString()));
            literal.setLength(0);
        }
    }
}
