package io.sigscan.rules.condition;

import java.util.ArrayList;
import java.util.List;

/** Splits a condition into tokens; any character that cannot start a token is an error. */
final class ConditionTokenizer {

    private ConditionTokenizer() {
    }

    static List<ConditionToken> tokenize(String text) {
        List<ConditionToken> tokens = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new ConditionToken(ConditionToken.Type.OPEN, "(", i++));
            } else if (c == ')') {
                tokens.add(new ConditionToken(ConditionToken.Type.CLOSE, ")", i++));
            } else if (c == '|') {
                // What follows a pipe is a Sigma 1.0 aggregation with a grammar of its own; the
                // parser reports the whole of it, so it is not tokenized.
                tokens.add(new ConditionToken(ConditionToken.Type.PIPE, "|", i));
                break;
            } else if (isWordChar(c)) {
                int start = i;
                while (i < length && isWordChar(text.charAt(i))) {
                    i++;
                }
                tokens.add(new ConditionToken(ConditionToken.Type.WORD, text.substring(start, i), start));
            } else {
                throw new ConditionException(ConditionException.CONDITION, i, "unexpected character '" + c
                        + "' in condition; expected search identifiers, 'and', 'or', 'not', 'x of pattern' and parentheses");
            }
        }
        tokens.add(new ConditionToken(ConditionToken.Type.END, "", i));
        return tokens;
    }

    /** Identifier characters: what SigmaHQ identifiers use, plus {@code *} for patterns. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '*' || c == '.';
    }
}
