package io.sigscan.rules.load;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Lowers one detection item, {@code Field|mod|mod: value-or-list}, to IR. Modifiers apply in
 * the order written, as the spec says; a key without a field ({@code '|all'}) makes keywords.
 * Each item fails on its first error, thrown as a {@link RuleSyntaxException}.
 */
final class FieldItemLowerer {

    private final ProblemSink sink;

    FieldItemLowerer(ProblemSink sink) {
        this.sink = sink;
    }

    /** A field item; an empty field name makes it a keyword item. */
    Expr lowerItem(YamlNode.Scalar key, YamlNode value) {
        String keyText = key.text();
        int bar = keyText.indexOf('|');
        String field = bar < 0 ? keyText : keyText.substring(0, bar);
        List<Modifier> chain = parseChain(key, field.length());
        boolean keyword = field.isEmpty();
        List<YamlNode.Scalar> values = values(key, value);
        boolean negate = chain.contains(Modifier.NEQ);

        Expr item;
        if (chain.contains(Modifier.EXISTS)) {
            item = exists(key, field, value);
        } else if (values.size() == 1 && values.get(0).type() == YamlNode.ScalarType.NULL) {
            item = isNull(key, field, chain);
        } else {
            if (chain.contains(Modifier.ALL) && !(value instanceof YamlNode.Sequence)) {
                sink.warning(key.location(), ProblemKind.MODIFIER, "'all' on the single value of '" + keyText
                        + "' has no effect; the spec allows it only on lists");
            }
            List<Expr> operands = new ArrayList<>(values.size());
            for (YamlNode.Scalar scalar : values) {
                operands.add(anyOf(field, keyword, tests(scalar, chain, keyword)));
            }
            item = chain.contains(Modifier.ALL) ? and(operands) : or(operands);
        }
        return negate ? new Expr.Not(item) : item;
    }

    /** A plain keyword value (an item of a keyword list, or a bare scalar search identifier). */
    Expr lowerKeyword(YamlNode.Scalar value) {
        if (value.type() == YamlNode.ScalarType.NULL) {
            throw new RuleSyntaxException(ProblemKind.DETECTION, value.location(),
                    "a keyword cannot be null; keywords are strings or numbers searched in every field");
        }
        return anyOf("", true, tests(value, List.of(), true));
    }

    private List<Modifier> parseChain(YamlNode.Scalar key, int fieldLength) {
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

    private static List<YamlNode.Scalar> values(YamlNode.Scalar key, YamlNode value) {
        if (value instanceof YamlNode.Scalar scalar) {
            return List.of(scalar);
        }
        if (value instanceof YamlNode.Mapping) {
            throw new RuleSyntaxException(ProblemKind.DETECTION, value.location(), "the value of '" + key.text()
                    + "' is a mapping; give a value or a list of values");
        }
        List<YamlNode> items = ((YamlNode.Sequence) value).items();
        if (items.isEmpty()) {
            throw new RuleSyntaxException(ProblemKind.DETECTION, value.location(), "'" + key.text()
                    + "' has an empty list of values; give at least one value");
        }
        List<YamlNode.Scalar> scalars = new ArrayList<>(items.size());
        for (YamlNode item : items) {
            if (!(item instanceof YamlNode.Scalar scalar)) {
                throw new RuleSyntaxException(ProblemKind.DETECTION, item.location(), "a value of '" + key.text()
                        + "' is " + YamlNode.describe(item) + "; list items must be plain values");
            }
            if (scalar.type() == YamlNode.ScalarType.NULL) {
                throw new RuleSyntaxException(ProblemKind.DETECTION, item.location(), "null cannot be part of the list of '"
                        + key.text() + "'; test for null in a search identifier of its own");
            }
            scalars.add(scalar);
        }
        return scalars;
    }

    private static Expr exists(YamlNode.Scalar key, String field, YamlNode value) {
        if (!(value instanceof YamlNode.Scalar scalar) || scalar.type() != YamlNode.ScalarType.BOOL) {
            throw new RuleSyntaxException(ProblemKind.MODIFIER, value.location(), "'" + key.text()
                    + "' takes true or false, not " + YamlNode.describe(value));
        }
        Expr exists = new Expr.Exists(field);
        return scalar.text().equals("true") ? exists : new Expr.Not(exists);
    }

    private static Expr isNull(YamlNode.Scalar key, String field, List<Modifier> chain) {
        if (field.isEmpty()) {
            throw new RuleSyntaxException(ProblemKind.DETECTION, key.location(),
                    "a keyword cannot be null; keywords are strings or numbers searched in every field");
        }
        for (Modifier modifier : chain) {
            if (modifier != Modifier.NEQ) {
                throw new RuleSyntaxException(ProblemKind.MODIFIER, key.location(), "'" + key.text()
                        + "' applies '" + modifier.sigmaName() + "' to null; null takes no modifiers");
            }
        }
        return new Expr.IsNull(field);
    }

    /** The tests one rule value stands for after the modifiers: any of them may pass. */
    private static List<ValueTest> tests(YamlNode.Scalar value, List<Modifier> chain, boolean keyword) {
        if (chain.contains(Modifier.RE)) {
            return List.of(regex(value, chain));
        }
        List<List<ValueTest.Part>> variants = new ArrayList<>();
        variants.add(SigmaStrings.parse(value.text()));
        boolean encoded = false;
        boolean cased = false;
        for (Modifier modifier : chain) {
            switch (modifier) {
                case CONTAINS -> variants.replaceAll(parts -> SigmaStrings.withTrailingStar(SigmaStrings.withLeadingStar(parts)));
                case STARTSWITH -> variants.replaceAll(SigmaStrings::withTrailingStar);
                case ENDSWITH -> variants.replaceAll(SigmaStrings::withLeadingStar);
                case CASED -> cased = true;
                case WINDASH -> variants = windash(value, variants);
                case UTF16LE, UTF16BE, UTF16, WIDE -> {
                    variants = utf16(value, variants, modifier);
                    encoded = true;
                }
                case BASE64, BASE64OFFSET -> {
                    variants = base64(value, variants, modifier, encoded);
                    encoded = false;
                }
                default -> {
                    // all, neq: shape the expression, not the value
                }
            }
        }
        List<ValueTest> tests = new ArrayList<>(variants.size());
        for (List<ValueTest.Part> parts : variants) {
            List<ValueTest.Part> shaped = keyword
                    ? SigmaStrings.withTrailingStar(SigmaStrings.withLeadingStar(parts)) : parts;
            tests.add(new ValueTest.Pattern(SigmaStrings.normalise(shaped), cased));
        }
        return tests;
    }

    private static ValueTest regex(YamlNode.Scalar value, List<Modifier> chain) {
        boolean caseInsensitive = chain.contains(Modifier.I);
        boolean multiline = chain.contains(Modifier.M);
        boolean dotAll = chain.contains(Modifier.S);
        int flags = (caseInsensitive ? java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE : 0)
                | (multiline ? java.util.regex.Pattern.MULTILINE : 0)
                | (dotAll ? java.util.regex.Pattern.DOTALL : 0);
        try {
            java.util.regex.Pattern.compile(value.text(), flags);
        } catch (PatternSyntaxException e) {
            String where = e.getIndex() >= 0 ? " at index " + e.getIndex() : "";
            throw new RuleSyntaxException(ProblemKind.REGEX, value.location(), "invalid regular expression '"
                    + value.text() + "': " + e.getDescription() + where);
        }
        return new ValueTest.Regex(value.text(), caseInsensitive, multiline, dotAll);
    }

    private static List<List<ValueTest.Part>> windash(YamlNode.Scalar value, List<List<ValueTest.Part>> variants) {
        List<List<ValueTest.Part>> result = new ArrayList<>();
        for (List<ValueTest.Part> parts : variants) {
            List<List<ValueTest.Part>> expanded = new ArrayList<>();
            expanded.add(new ArrayList<>());
            int dashes = 0;
            for (ValueTest.Part part : parts) {
                List<String> texts;
                if (part instanceof ValueTest.Literal literal) {
                    List<Integer> positions = ValueEncodings.windashPositions(literal.text());
                    dashes += positions.size();
                    if (dashes > ValueEncodings.MAX_WINDASH_POSITIONS) {
                        throw new RuleSyntaxException(ProblemKind.MODIFIER, value.location(), "'windash' on '" + value.text()
                                + "' would expand more than " + ValueEncodings.MAX_WINDASH_POSITIONS
                                + " dashes into 5 variants each; split the value");
                    }
                    texts = ValueEncodings.windashVariants(literal.text(), positions);
                } else {
                    texts = null;
                }
                List<List<ValueTest.Part>> next = new ArrayList<>();
                for (List<ValueTest.Part> prefix : expanded) {
                    if (texts == null) {
                        List<ValueTest.Part> longer = new ArrayList<>(prefix);
                        longer.add(part);
                        next.add(longer);
                        continue;
                    }
                    for (String text : texts) {
                        List<ValueTest.Part> longer = new ArrayList<>(prefix);
                        longer.add(new ValueTest.Literal(text));
                        next.add(longer);
                    }
                }
                expanded = next;
            }
            result.addAll(expanded);
        }
        return result;
    }

    private static List<List<ValueTest.Part>> utf16(YamlNode.Scalar value, List<List<ValueTest.Part>> variants,
                                                    Modifier encoding) {
        List<List<ValueTest.Part>> result = new ArrayList<>(variants.size());
        for (List<ValueTest.Part> parts : variants) {
            List<ValueTest.Part> encoded = new ArrayList<>(parts.size());
            for (ValueTest.Part part : parts) {
                if (part instanceof ValueTest.Literal literal) {
                    if (!ValueEncodings.isAscii(literal.text())) {
                        throw new RuleSyntaxException(ProblemKind.MODIFIER, value.location(), "'" + encoding.sigmaName()
                                + "' accepts only ASCII text, not '" + value.text() + "'");
                    }
                    encoded.add(new ValueTest.Literal(ValueEncodings.utf16(literal.text(), encoding)));
                } else {
                    encoded.add(part);
                }
            }
            result.add(encoded);
        }
        return result;
    }

    private static List<List<ValueTest.Part>> base64(YamlNode.Scalar value, List<List<ValueTest.Part>> variants,
                                                     Modifier encoding, boolean encoded) {
        List<List<ValueTest.Part>> result = new ArrayList<>();
        for (List<ValueTest.Part> parts : variants) {
            if (SigmaStrings.hasWildcards(parts)) {
                throw new RuleSyntaxException(ProblemKind.MODIFIER, value.location(), "'" + encoding.sigmaName()
                        + "' cannot encode wildcards in '" + value.text() + "'; escape * and ? with a backslash");
            }
            String text = SigmaStrings.literalText(parts);
            byte[] bytes = ValueEncodings.bytes(text, encoded);
            List<String> encodings = encoding == Modifier.BASE64
                    ? List.of(ValueEncodings.base64(bytes))
                    : ValueEncodings.base64Offsets(bytes, text.codePointCount(0, text.length()));
            for (String base64 : encodings) {
                result.add(base64.isEmpty() ? List.of() : List.of(new ValueTest.Literal(base64)));
            }
        }
        return result;
    }

    private static Expr anyOf(String field, boolean keyword, List<ValueTest> tests) {
        List<Expr> matches = new ArrayList<>(tests.size());
        for (ValueTest test : tests) {
            matches.add(keyword ? new Expr.Keyword(test) : new Expr.Match(field, test));
        }
        return or(matches);
    }

    static Expr or(List<Expr> operands) {
        return operands.size() == 1 ? operands.get(0) : new Expr.Or(operands);
    }

    static Expr and(List<Expr> operands) {
        return operands.size() == 1 ? operands.get(0) : new Expr.And(operands);
    }

    private static RuleSyntaxException error(String kind, YamlNode.Scalar key, int offset, String message) {
        return new RuleSyntaxException(kind, key.locationOf(offset), message);
    }
}
