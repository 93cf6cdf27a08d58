package io.sigscan.rules.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses and validates the modifier chain of a detection key ({@code Field|contains|all}):
 * names must be known, and combinations pySigma rejects are rejected here too, each at the
 * column of the offending modifier.
 *
 * <p>pySigma decides by the type each modifier takes and makes: {@code re} and {@code cidr}
 * take the value as written; {@code fieldref} takes a plain string and only the position
 * modifiers may follow it; comparisons take a number or a time part; time parts take a number;
 * {@code exists} stands alone. {@code all} and {@code neq} shape the item and may go anywhere.
 */
final class ModifierChain {

    private ModifierChain() {
    }

    /**
     * The modifiers after the field name in {@code key}, whose first {@code fieldLength}
     * characters are the field; throws at the first unknown or clashing one.
     */
    static List<Modifier> parse(YamlNode.Scalar key, int fieldLength) {
        String keyText = key.text();
        List<Modifier> chain = new ArrayList<>();
        int start = fieldLength + 1;
        while (start <= keyText.length()) {
            int end = keyText.indexOf('|', start);
            if (end < 0) {
                end = keyText.length();
            }
            String name = keyText.substring(start, end);
            Modifier modifier = Modifier.byName(name);
            if (name.isEmpty()) {
                throw error(ProblemKind.MODIFIER, key, start, "empty modifier in '" + keyText
                        + "'; modifiers are separated by single '|'");
            }
            if (modifier == null) {
                throw error(ProblemKind.UNKNOWN_MODIFIER, key, start, "unknown modifier '" + name + "' in '"
                        + keyText + "'; supported modifiers: " + Modifier.SUPPORTED_NAMES);
            }
            String conflict = conflict(chain, modifier, fieldLength == 0);
            if (conflict != null) {
                throw error(ProblemKind.MODIFIER, key, start, conflict + " (in '" + keyText + "')");
            }
            chain.add(modifier);
            start = end + 1;
        }
        return chain;
    }

    /** Why {@code next} cannot follow {@code chain}, or null; the rules pySigma enforces. */
    private static String conflict(List<Modifier> chain, Modifier next, boolean keyword) {
        if (chain.contains(next)) {
            return "modifier '" + next.sigmaName() + "' appears twice";
        }
        if ((next == Modifier.EXISTS || next == Modifier.FIELDREF) && keyword) {
            return "'" + next.sigmaName() + "' needs a field name";
        }
        if (chain.contains(Modifier.EXISTS) || (next == Modifier.EXISTS && !chain.isEmpty())) {
            return "'exists' cannot be combined with other modifiers";
        }
        if (next.isRegexFlag() && !chain.contains(Modifier.RE)) {
            return "'" + next.sigmaName() + "' is a flag of 're' and must follow it";
        }
        if (next.isItemShape() || next.isRegexFlag()) {
            return null;
        }
        for (Modifier earlier : chain) {
            String clash = clash(earlier, next);
            if (clash != null) {
                return clash;
            }
        }
        return null;
    }

    /** Why {@code next} cannot come after {@code earlier}, or null. */
    private static String clash(Modifier earlier, Modifier next) {
        if (earlier.isItemShape() || earlier.isRegexFlag()) {
            return null;
        }
        if (next == Modifier.RE || next == Modifier.CIDR) {
            return "'" + next.sigmaName() + "' takes the value as written, so it cannot follow '" + earlier.sigmaName() + "'";
        }
        if (earlier == Modifier.CIDR) {
            return "'" + next.sigmaName() + "' cannot be combined with 'cidr'";
        }
        if (earlier == Modifier.FIELDREF) {
            return next.isPosition() ? null : next == Modifier.CASED
                    ? "'cased' must come before 'fieldref'"
                    : "'" + next.sigmaName() + "' cannot follow 'fieldref'; only contains, startswith and endswith can";
        }
        if (next == Modifier.FIELDREF) {
            return earlier == Modifier.CASED ? null : earlier.isPosition()
                    ? "'fieldref' must come before '" + earlier.sigmaName() + "': a field name has no wildcards"
                    : "'fieldref' cannot follow '" + earlier.sigmaName() + "'";
        }
        if (next.isComparison()) {
            return earlier.isTimePart() ? null : "'" + next.sigmaName() + "' compares numbers, so it cannot follow '"
                    + earlier.sigmaName() + "'";
        }
        if (earlier.isComparison() || earlier.isTimePart() || next.isTimePart()) {
            return "'" + next.sigmaName() + "' cannot be combined with '" + earlier.sigmaName() + "'";
        }
        boolean regexClash = (earlier == Modifier.RE && isStringTransform(next))
                || (next == Modifier.RE && isStringTransform(earlier));
        boolean expandClash = (earlier == Modifier.EXPAND && isEncoding(next)) || (next == Modifier.EXPAND && isEncoding(earlier))
                || (next == Modifier.EXPAND && earlier == Modifier.RE) || (earlier == Modifier.EXPAND && next == Modifier.RE);
        if (regexClash || expandClash || (earlier.isPosition() && next.isPosition())
                || (earlier.isBase64() && next.isBase64()) || (earlier.isUtf16() && next.isUtf16())) {
            return "'" + next.sigmaName() + "' cannot be combined with '" + earlier.sigmaName() + "'";
        }
        if ((earlier.isPosition() && next.isBase64()) || (earlier.isBase64() && next.isUtf16())) {
            return "'" + next.sigmaName() + "' must come before '" + earlier.sigmaName() + "'";
        }
        return null;
    }

    /** Modifiers that rewrite the value's text, which placeholders would escape in pySigma. */
    private static boolean isEncoding(Modifier modifier) {
        return modifier.isBase64() || modifier.isUtf16() || modifier == Modifier.WINDASH;
    }

    private static boolean isStringTransform(Modifier modifier) {
        return modifier.isPosition() || modifier.isBase64() || modifier.isUtf16()
                || modifier == Modifier.CASED || modifier == Modifier.WINDASH;
    }

    private static RuleSyntaxException error(String kind, YamlNode.Scalar key, int offset, String message) {
        return new RuleSyntaxException(kind, key.locationOf(offset), message);
    }
}
