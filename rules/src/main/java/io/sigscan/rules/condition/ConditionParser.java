package io.sigscan.rules.condition;

import io.sigscan.rules.ir.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a Sigma condition and resolves it against the rule's search identifiers.
 *
 * <pre>
 * condition := or
 * or        := and ('or' and)*
 * and       := not ('and' not)*
 * not       := 'not' not | primary
 * primary   := '(' or ')' | ('1' | 'any' | 'all') 'of' (pattern | 'them') | identifier
 * </pre>
 *
 * Keywords are case-insensitive; identifiers are not. Patterns use {@code *} for any run of
 * characters and match whole identifier names (pySigma anchors only the start, so its
 * {@code 1 of sel} also takes {@code selection}; no SigmaHQ rule depends on that). {@code them}
 * and patterns alike leave out identifiers starting with {@code _}, as the spec's "same as
 * 1/all of them" and pySigma do. {@code any of} is pySigma's synonym of {@code 1 of}.
 */
public final class ConditionParser {

    /** A Sigma 1.0 aggregation function called in a condition, as in {@code count(x) by y > 5}. */
    private static final Pattern AGGREGATION_CALL = Pattern.compile("\\b(count|sum|min|max|avg)\\s*\\(");

    /** Nesting of parentheses and 'not' beyond any real rule, low enough to keep the stack safe. */
    static final int MAX_NESTING = 64;

    private final String text;
    private final Map<String, Expr> identifiers;
    private final List<ConditionToken> tokens;
    private int position;
    private int nesting;

    private ConditionParser(String text, Map<String, Expr> identifiers) {
        this.text = text;
        this.identifiers = identifiers;
        this.tokens = ConditionTokenizer.tokenize(text);
    }

    /**
     * The IR of {@code condition}, where each identifier stands for its expression in
     * {@code identifiers} (iterated in rule order for {@code them} and patterns).
     *
     * @throws ConditionException with the offset of the offending token
     */
    public static Expr parse(String condition, Map<String, Expr> identifiers) {
        try {
            ConditionParser parser = new ConditionParser(condition, identifiers);
            Expr expr = parser.parseOr();
            parser.expectEnd();
            return expr;
        } catch (ConditionException e) {
            Matcher aggregation = AGGREGATION_CALL.matcher(condition);
            if (e.kind().equals(ConditionException.CONDITION) && aggregation.find()) {
                // Sigma 1.0 aggregations written without their pipe fail somewhere after the call.
                throw aggregation(condition, aggregation.start());
            }
            throw e;
        }
    }

    private void expectEnd() {
        ConditionToken token = peek();
        switch (token.type()) {
            case END -> {
            }
            case PIPE -> throw pipe(token);
            case CLOSE -> throw error(token, "unbalanced ')': no '(' is open");
            default -> throw error(token, "unexpected " + token.quoted()
                    + " after a complete expression; join expressions with 'and' or 'or'");
        }
    }

    private Expr parseOr() {
        List<Expr> operands = new ArrayList<>();
        operands.add(parseAnd());
        while (peek().isKeyword("or")) {
            position++;
            operands.add(parseAnd());
        }
        return operands.size() == 1 ? operands.get(0) : new Expr.Or(operands);
    }

    private Expr parseAnd() {
        List<Expr> operands = new ArrayList<>();
        operands.add(parseNot());
        while (peek().isKeyword("and")) {
            position++;
            operands.add(parseNot());
        }
        return operands.size() == 1 ? operands.get(0) : new Expr.And(operands);
    }

    private Expr parseNot() {
        ConditionToken token = peek();
        if (++nesting > MAX_NESTING) {
            throw error(token, "condition nests deeper than " + MAX_NESTING + " levels of '(' and 'not' at "
                    + token.quoted());
        }
        Expr expr;
        if (token.isKeyword("not")) {
            position++;
            expr = new Expr.Not(parseNot());
        } else {
            expr = parsePrimary();
        }
        nesting--;
        return expr;
    }

    private Expr parsePrimary() {
        ConditionToken token = next();
        switch (token.type()) {
            case OPEN -> {
                Expr inner = parseOr();
                ConditionToken close = peek();
                if (close.type() != ConditionToken.Type.CLOSE) {
                    if (close.type() == ConditionToken.Type.PIPE) {
                        throw pipe(close);
                    }
                    throw error(close, "expected ')' to close the '(' at column " + (token.offset() + 1)
                            + ", found " + close.quoted());
                }
                position++;
                return inner;
            }
            case WORD -> {
                return parseWord(token);
            }
            case PIPE -> throw pipe(token);
            default -> throw error(token, "expected a search identifier, 'not', '(' or 'x of pattern', found "
                    + token.quoted());
        }
    }

    private Expr parseWord(ConditionToken token) {
        if (token.isKeyword("and") || token.isKeyword("or") || token.isKeyword("of") || token.isKeyword("them")) {
            throw error(token, "expected a search identifier, 'not', '(' or 'x of pattern', found " + token.quoted());
        }
        boolean quantifier = token.isKeyword("1") || token.isKeyword("any") || token.isKeyword("all");
        if (quantifier && peek().isKeyword("of")) {
            position++;
            return parseSelector(token);
        }
        if (token.text().indexOf('*') >= 0) {
            throw error(token, "wildcard pattern " + token.quoted() + " is only allowed after '1 of' or 'all of'");
        }
        Expr expr = identifiers.get(token.text());
        if (expr == null) {
            throw error(token, "unknown search identifier " + token.quoted() + "; the detection defines "
                    + String.join(", ", identifiers.keySet()));
        }
        return expr;
    }

    private Expr parseSelector(ConditionToken quantifier) {
        ConditionToken target = next();
        if (target.type() != ConditionToken.Type.WORD || isReserved(target)) {
            throw error(target, "expected 'them' or an identifier pattern after '" + quantifier.text() + " of', found "
                    + target.quoted());
        }
        boolean them = target.isKeyword("them");
        List<Expr> selected = new ArrayList<>();
        for (Map.Entry<String, Expr> identifier : identifiers.entrySet()) {
            String name = identifier.getKey();
            if (!name.startsWith("_") && (them || globMatches(target.text(), name))) {
                selected.add(identifier.getValue());
            }
        }
        String selector = quantifier.text() + " of " + target.text();
        if (selected.isEmpty()) {
            throw error(target, them
                    ? "'" + selector + "' refers to no search identifier (those starting with '_' are excluded)"
                    : "'" + selector + "' matches no search identifier (those starting with '_' are excluded); "
                    + "the detection defines "
                    + String.join(", ", identifiers.keySet()));
        }
        if (selected.size() == 1) {
            return selected.get(0);
        }
        return quantifier.isKeyword("all") ? new Expr.And(selected) : new Expr.Or(selected);
    }

    private static boolean isReserved(ConditionToken token) {
        return token.isKeyword("and") || token.isKeyword("or") || token.isKeyword("not") || token.isKeyword("of");
    }

    /** Whole-name match where {@code *} stands for any run of characters. */
    static boolean globMatches(String pattern, String name) {
        int p = 0;
        int n = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (n < name.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starAt = p++;
                resumeAt = n;
            } else if (p < pattern.length() && pattern.charAt(p) == name.charAt(n)) {
                p++;
                n++;
            } else if (starAt >= 0) {
                p = starAt + 1;
                n = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private ConditionException pipe(ConditionToken token) {
        return aggregation(text, token.offset());
    }

    private static ConditionException aggregation(String condition, int offset) {
        return new ConditionException(ConditionException.LEGACY_SYNTAX, offset, "aggregation '"
                + condition.substring(offset).trim() + "' is Sigma 1.0 syntax and not supported; express it as a correlation rule");
    }

    private ConditionException error(ConditionToken token, String message) {
        return new ConditionException(ConditionException.CONDITION, token.offset(), message);
    }

    private ConditionToken peek() {
        return tokens.get(position);
    }

    private ConditionToken next() {
        ConditionToken token = tokens.get(position);
        if (token.type() != ConditionToken.Type.END) {
            position++;
        }
        return token;
    }
}
