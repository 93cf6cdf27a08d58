package io.sigscan.rules.load;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;

import java.util.ArrayList;
import java.util.List;

/**
 * Lowers one detection item, {@code Field|mod|mod: value-or-list}, to IR. Modifiers apply in
 * the order written, as the spec says; a key without a field ({@code '|all'}) makes keywords.
 * Each item fails on its first error, thrown as a {@link RuleSyntaxException}.
 */
final class FieldItemLowerer {

    /**
     * Most value tests one rule may expand to. {@code windash} makes up to 3,125 variants of a
     * value and {@code base64offset} three, so a list of a few hundred such values grew to
     * millions of tests and ran loading out of memory; SigmaHQ's largest rules stay far below.
     */
    static final int MAX_VALUE_TESTS = 100_000;

    private final ProblemSink sink;
    private final Placeholders placeholders;
    private PlaceholderExpander expander;
    /** Value tests of the rule being lowered so far. */
    private int valueTests;

    FieldItemLowerer(ProblemSink sink, Placeholders placeholders) {
        this.sink = sink;
        this.placeholders = placeholders;
        this.expander = new PlaceholderExpander(placeholders, "");
    }

    /** Items lowered from now on belong to the rule named {@code ruleName} (messages name it). */
    void startRule(String ruleName) {
        expander = new PlaceholderExpander(placeholders, ruleName);
        valueTests = 0;
    }

    /** A field item; an empty field name makes it a keyword item. */
    Expr lowerItem(YamlNode.Scalar key, YamlNode value) {
        String keyText = key.text();
        int bar = keyText.indexOf('|');
        String field = bar < 0 ? keyText : keyText.substring(0, bar);
        List<Modifier> chain = ModifierChain.parse(key, field.length());
        boolean keyword = field.isEmpty();
        List<YamlNode.Scalar> values = values(key, value);
        boolean negate = chain.contains(Modifier.NEQ);

        Expr item;
        if (chain.contains(Modifier.EXISTS)) {
            item = exists(key, field, value);
        } else if (chain.contains(Modifier.FIELDREF)) {
            List<Expr> operands = new ArrayList<>(values.size());
            for (YamlNode.Scalar scalar : values) {
                operands.add(fieldRef(field, scalar, chain));
            }
            item = chain.contains(Modifier.ALL) ? and(operands) : or(operands);
        } else if (values.size() == 1 && values.get(0).type() == YamlNode.ScalarType.NULL) {
            item = isNull(key, field, chain);
        } else {
            if (chain.contains(Modifier.ALL) && !(value instanceof YamlNode.Sequence)) {
                sink.warning(key.location(), ProblemKind.MODIFIER, "'all' on the single value of '" + keyText
                        + "' has no effect; the spec allows it only on lists");
            }
            List<Expr> operands = new ArrayList<>(values.size());
            for (YamlNode.Scalar scalar : values) {
                warnIfNoPlaceholder(scalar, chain);
                operands.add(anyOf(field, keyword, counted(scalar, ValueTests.of(scalar, chain, keyword, expander))));
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
        return anyOf("", true, counted(value, ValueTests.of(value, List.of(), true, expander)));
    }

    /** {@code tests}, counted against the rule's {@link #MAX_VALUE_TESTS}. */
    private List<ValueTest> counted(YamlNode.Scalar value, List<ValueTest> tests) {
        valueTests += tests.size();
        if (valueTests > MAX_VALUE_TESTS) {
            throw new RuleSyntaxException(ProblemKind.DETECTION, value.location(), "the rule's values expand to more than "
                    + MAX_VALUE_TESTS + " tests by here (windash, base64offset and expand multiply them); split the rule");
        }
        return tests;
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

    /** Sigma's {@code fieldref}: the value names the other field; only a plain name is one. */
    private static Expr fieldRef(String field, YamlNode.Scalar value, List<Modifier> chain) {
        if (value.type() != YamlNode.ScalarType.STRING || value.text().isEmpty()
                || SigmaStrings.hasWildcards(SigmaStrings.parse(value.text()))) {
            throw new RuleSyntaxException(ProblemKind.MODIFIER, value.location(), "'fieldref' takes the name of another "
                    + "field, without wildcards, not " + YamlNode.describe(value));
        }
        Expr.Position position = Expr.Position.EQUALS;
        if (chain.contains(Modifier.CONTAINS)) {
            position = Expr.Position.CONTAINS;
        } else if (chain.contains(Modifier.STARTSWITH)) {
            position = Expr.Position.STARTSWITH;
        } else if (chain.contains(Modifier.ENDSWITH)) {
            position = Expr.Position.ENDSWITH;
        }
        return new Expr.FieldRef(field, SigmaStrings.literalText(SigmaStrings.parse(value.text())), position,
                chain.contains(Modifier.CASED));
    }

    /** pySigma takes only word characters as a placeholder name; anything else stays literal text. */
    private void warnIfNoPlaceholder(YamlNode.Scalar value, List<Modifier> chain) {
        if (chain.contains(Modifier.EXPAND) && !PlaceholderExpander.hasPlaceholder(value.text())) {
            String hint = PlaceholderExpander.looksLikePlaceholder(value.text())
                    ? "; placeholder names are letters, digits and '_' between '%' signs, so it is matched as written"
                    : "; it is matched as written";
            sink.warning(value.location(), ProblemKind.PLACEHOLDER, "'expand' finds no placeholder in '"
                    + value.text() + "'" + hint);
        }
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
}
