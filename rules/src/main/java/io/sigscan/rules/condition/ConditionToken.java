package io.sigscan.rules.condition;

import java.util.Locale;

/** One token of a condition: a word (identifier, keyword, pattern), a parenthesis, a pipe or the end. */
record ConditionToken(Type type, String text, int offset) {

    enum Type { WORD, OPEN, CLOSE, PIPE, END }

    /** True for a word equal to {@code keyword} ignoring case (keywords are case-insensitive). */
    boolean isKeyword(String keyword) {
        return type == Type.WORD && text.toLowerCase(Locale.ROOT).equals(keyword);
    }

    /** How messages quote the token. */
    String quoted() {
        return type == Type.END ? "the end of the condition" : "'" + text + "'";
    }
}
