package io.sigscan.rules.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses and validates the modifier chain of a detection key ({@code Field|contains|all}):
 * names must be known and supported, and combinations pySigma rejects are rejected here too,
 * each at the column of the offending modifier.
 */
final class ModifierChain {

    private ModifierChain() {
    }

    /**
     * The modifiers after the field name in {@code key}, whose first {@code fieldLength}
     * characters are the field; throws at the first unknown, unsupported or clashing one.
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
            if (modifier.support == Modifier.Support.NOT_YET) {
                throw error(ProblemKind.UNSUPPORTED_MODIFIER, key, start, "modifier '" + name + "' in '" + keyText
                        + "' is not supported yet; supported modifiers: " + Modifier.SUPPORTED_NAMES);
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
        if (next == Modifier.EXISTS && keyword) {
            return "'exists' needs a field name";
        }
        if (chain.contains(Modifier.EXISTS) || (next == Modifier.EXISTS && !chain.isEmpty())) {
            return "'exists' cannot be combined with other modifiers";
        }
        if (next.isRegexFlag() && !chain.contains(Modifier.RE)) {
            return "'" + next.sigmaName() + "' is a flag of 're' and must follow it";
        }
        for (Modifier earlier : chain) {
            boolean regexClash = (earlier == Modifier.RE && isStringTransform(next))
                    || (next == Modifier.RE && isStringTransform(earlier));
            if (regexClash || (earlier.isPosition() && next.isPosition())
                    || (earlier.isBase64() && next.isBase64()) || (earlier.isUtf16() && next.isUtf16())) {
                return "'" + next.sigmaName() + "' cannot be combined with '" + earlier.sigmaName() + "'";
            }
            if ((earlier.isPosition() && next.isBase64()) || (earlier.isBase64() && next.isUtf16())) {
                return "'" + next.sigmaName() + "' must come before '" + earlier.sigmaName() + "'";
            }
        }
        return null;
    }

    private static boolean isStringTransform(Modifier modifier) {
        return modifier.isPosition() || modifier.isBase64() || modifier.isUtf16()
                || modifier == Modifier.CASED || modifier == Modifier.WINDASH;
    }

    private static RuleSyntaxException error(String kind, YamlNode.Scalar key, int offset, String message) {
        return new RuleSyntaxException(kind, key.locationOf(offset), message);
    }
}
