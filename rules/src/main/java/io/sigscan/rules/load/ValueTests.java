package io.sigscan.rules.load;

import io.sigscan.rules.ir.ValueTest;
import io.sigscan.rules.match.CidrNetwork;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns one rule value into the value tests its modifiers make of it, applying the modifiers
 * in the order written: wildcards from {@code contains}/{@code startswith}/{@code endswith},
 * expansions from {@code windash} and {@code base64offset}, encodings, {@code cased}, or a
 * checked regular expression for {@code re}.
 */
final class ValueTests {

    private ValueTests() {
    }

    /**
     * The tests one rule value stands for after the modifiers: any of them may pass.
     * {@code expander} resolves placeholders when the chain has {@code expand}.
     */
    static List<ValueTest> of(YamlNode.Scalar value, List<Modifier> chain, boolean keyword, PlaceholderExpander expander) {
        if (chain.contains(Modifier.RE)) {
            return List.of(regex(value, chain));
        }
        if (chain.contains(Modifier.CIDR)) {
            return List.of(cidr(value));
        }
        for (Modifier modifier : chain) {
            if (modifier.isTimePart() || modifier.isComparison()) {
                return List.of(numeric(value, chain));
            }
        }
        List<List<ValueTest.Part>> variants = new ArrayList<>();
        if (chain.contains(Modifier.EXPAND)) {
            variants.addAll(expander.expand(value));
        } else {
            variants.add(SigmaStrings.parse(value.text()));
        }
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
                    // all, neq: shape the expression, not the value; expand: done first
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

    private static boolean hasFlag(List<Modifier> chain, Modifier flag) {
        for (Modifier modifier : chain) {
            if (modifier.regexFlag() == flag) {
                return true;
            }
        }
        return false;
    }

    private static ValueTest regex(YamlNode.Scalar value, List<Modifier> chain) {
        boolean caseInsensitive = hasFlag(chain, Modifier.I);
        boolean multiline = hasFlag(chain, Modifier.M);
        boolean dotAll = hasFlag(chain, Modifier.S);
        int flags = (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)
                | (multiline ? Pattern.MULTILINE : 0)
                | (dotAll ? Pattern.DOTALL : 0);
        try {
            Pattern.compile(value.text(), flags);
        } catch (PatternSyntaxException e) {
            String where = e.getIndex() >= 0 ? " at index " + e.getIndex() : "";
            throw new RuleSyntaxException(ProblemKind.REGEX, value.location(), "invalid regular expression '"
                    + value.text() + "': " + e.getDescription() + where);
        }
        return new ValueTest.Regex(value.text(), caseInsensitive, multiline, dotAll);
    }

    private static ValueTest cidr(YamlNode.Scalar value) {
        try {
            CidrNetwork.parse(value.text());
        } catch (IllegalArgumentException e) {
            throw new RuleSyntaxException(ProblemKind.MODIFIER, value.location(), "'cidr' takes an IPv4 or IPv6 network "
                    + "such as 10.0.0.0/8 or fe80::/10: " + e.getMessage());
        }
        return new ValueTest.Cidr(value.text());
    }

    /** A comparison, a time part, or a time part compared: the value must be a number, as pySigma types it. */
    private static ValueTest numeric(YamlNode.Scalar value, List<Modifier> chain) {
        Modifier timePart = null;
        ValueTest.Comparison comparison = ValueTest.Comparison.EQ;
        for (Modifier modifier : chain) {
            if (modifier.isTimePart()) {
                timePart = modifier;
            } else if (modifier.isComparison()) {
                comparison = modifier.comparison();
            }
        }
        String modifiers = timePart == null ? "'" + comparisonName(chain) + "'" : "'" + timePart.sigmaName() + "'";
        if (value.type() != YamlNode.ScalarType.INT && value.type() != YamlNode.ScalarType.FLOAT) {
            throw new RuleSyntaxException(ProblemKind.MODIFIER, value.location(), modifiers + " takes a number, not "
                    + YamlNode.describe(value));
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.text());
        } catch (NumberFormatException e) {
            throw new RuleSyntaxException(ProblemKind.MODIFIER, value.location(), modifiers + " takes a finite number, not "
                    + YamlNode.describe(value));
        }
        if (timePart == null) {
            return new ValueTest.Compare(comparison, number);
        }
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            throw new RuleSyntaxException(ProblemKind.MODIFIER, value.location(), modifiers + " takes a whole number, not "
                    + YamlNode.describe(value));
        }
        try {
            return new ValueTest.TimePart(timePart.timeField(), comparison, number.longValueExact());
        } catch (ArithmeticException e) {
            throw new RuleSyntaxException(ProblemKind.MODIFIER, value.location(), modifiers + " takes a number that fits "
                    + "a timestamp part, not " + YamlNode.describe(value));
        }
    }

    private static String comparisonName(List<Modifier> chain) {
        for (Modifier modifier : chain) {
            if (modifier.isComparison()) {
                return modifier.sigmaName();
            }
        }
        throw new IllegalStateException("no comparison in " + chain);
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
                                + " dashes into " + ValueEncodings.DASHES.length + " variants each; split the value");
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
}
