package io.sigscan.rules.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sigscan.rules.ir.ValueTest;

/**
 * Sigma's {@code expand} for one rule: replaces each {@code %name%} in a value by each of the
 * placeholder's values, as pySigma's {@code expand} modifier and value-list placeholders do. A
 * name is letters, digits and {@code _}; {@code \%} is a literal percent sign. A value with
 * several placeholders expands to every combination.
 */
final class PlaceholderExpander {
    /** pySigma's placeholder syntax; Python's {@code \w} is Unicode-aware, hence the flag. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\\\)%(\\w+)%", Pattern.UNICODE_CHARACTER_CLASS);
    /** Something between percent signs that is not a placeholder name, for a warning. */
    private static final Pattern NOT_A_NAME = Pattern.compile("%[^%\\s]+%");
    /** Combinations beyond this reject the value: each becomes a test run on every event. */
    static final int MAX_VARIANTS = 4096;

    private final Placeholders placeholders;
    private final String ruleName;

    PlaceholderExpander(Placeholders placeholders, String ruleName) {
        this.placeholders = placeholders;
        this.ruleName = ruleName;
    }

    /** Whether the value's text holds a placeholder pySigma would see. */
    static boolean hasPlaceholder(String text) {
        return PLACEHOLDER.matcher(text).find();
    }

    /** Whether the value's text holds {@code %...%} that is not a placeholder name. */
    static boolean looksLikePlaceholder(String text) {
        return NOT_A_NAME.matcher(text).find();
    }

    /**
     * The value's pattern parts with every placeholder replaced, one list per combination of
     * placeholder values.
     *
     * @throws RuleSyntaxException when a placeholder has no value or there are too many combinations
     */
    List<List<ValueTest.Part>> expand(YamlNode.Scalar value) {
        List<List<ValueTest.Part>> variants = new ArrayList<>();
        variants.add(new ArrayList<>());
        for (ValueTest.Part part : SigmaStrings.parse(value.text())) {
            if (!(part instanceof ValueTest.Literal literal)) {
                variants.forEach(variant -> variant.add(part));
                continue;
            }
            String text = literal.text();
            Matcher matcher = PLACEHOLDER.matcher(text);
            int last = 0;
            while (matcher.find()) {
                appendText(variants, text.substring(last, matcher.start()));
                variants = substitute(variants, value, matcher.group(1));
                last = matcher.end();
            }
            appendText(variants, text.substring(last));
        }
        return variants;
    }

    private static void appendText(List<List<ValueTest.Part>> variants, String text) {
        String unescaped = text.replace("\\%", "%");
        if (!unescaped.isEmpty()) {
            variants.forEach(variant -> variant.add(new ValueTest.Literal(unescaped)));
        }
    }

    private List<List<ValueTest.Part>> substitute(List<List<ValueTest.Part>> variants, YamlNode.Scalar value, String name) {
        List<String> values = placeholders.valuesOf(name);
        if (values == null) {
            throw new RuleSyntaxException(ProblemKind.PLACEHOLDER, value.location(), "rule '" + ruleName
                    + "' uses placeholder '%" + name + "%', which has no value; give it in a placeholders file");
        }
        if ((long) variants.size() * values.size() > MAX_VARIANTS) {
            throw new RuleSyntaxException(ProblemKind.PLACEHOLDER, value.location(), "placeholders in '" + value.text()
                    + "' expand to more than " + MAX_VARIANTS + " values; split the value");
        }
        List<List<ValueTest.Part>> result = new ArrayList<>(variants.size() * values.size());
        for (List<ValueTest.Part> variant : variants) {
            for (String replacement : values) {
                List<ValueTest.Part> longer = new ArrayList<>(variant);
                longer.addAll(SigmaStrings.parse(replacement));
                result.add(longer);
            }
        }
        return result;
    }
}
