package io.sigscan.rules.match;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runs of ASCII text every match of a regular expression contains, read from the
 * expression conservatively: only characters at the top level of the expression, outside
 * groups and character classes, that are neither optional nor part of a top-level
 * alternation. Anything this reader does not understand ends the current run; constructs that
 * change how text is read ({@code \Q}, comments mode) give up altogether. The result is
 * lower-cased, since its users (the pre-filter and the guard in front of each regex) fold ASCII
 * case.
 */
public final class RegexLiterals {

    private RegexLiterals() {
    }

    /** The longest required run, or "" when there is none. */
    public static String longestRequiredRun(String regex) {
        String longest = "";
        for (String run : requiredRuns(regex)) {
            if (run.length() > longest.length()) {
                longest = run;
            }
        }
        return longest;
    }

    /** Every required run, each once, in the order they appear; empty when there is none. */
    public static List<String> requiredRuns(String regex) {
        if (regex.contains("\\Q") || hasCommentsFlag(regex)) {
            return List.of();
        }
        Set<String> runs = new LinkedHashSet<>();
        StringBuilder run = new StringBuilder();
        int depth = 0;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 >= regex.length()) {
                    return List.of();
                }
                char escaped = regex.charAt(i + 1);
                if (Character.isDigit(escaped) || "xuopPNkc".indexOf(escaped) >= 0) {
                    return List.of(); // escapes with arguments (code points, properties, back-references)
                }
                i += 2;
                if (depth == 0 && escaped < 0x80 && !Character.isLetterOrDigit(escaped)) {
                    run.append(Character.toLowerCase(escaped));
                } else {
                    flush(runs, run);
                }
                continue;
            }
            if (c == '[') {
                flush(runs, run);
                i = afterClass(regex, i);
                if (i < 0) {
                    return List.of();
                }
                continue;
            }
            i++;
            if (c == '(') {
                flush(runs, run);
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    return List.of();
                }
            } else if (c == '|') {
                if (depth == 0) {
                    return List.of();
                }
            } else if (depth > 0) {
                continue;
            } else if (c == '*' || c == '?' || c == '{') {
                // The atom before is optional (or its count unknown): it is not required.
                if (run.length() > 0) {
                    run.setLength(run.length() - 1);
                }
                flush(runs, run);
                if (c == '{') {
                    i = regex.indexOf('}', i) + 1;
                    if (i == 0) {
                        return List.of();
                    }
                }
            } else if (c == '+') {
                flush(runs, run);
            } else if (c == '.' || c == '^' || c == '$' || c >= 0x80 || c < 0x20) {
                flush(runs, run);
            } else {
                run.append(Character.toLowerCase(c));
            }
        }
        if (depth != 0) {
            return List.of();
        }
        flush(runs, run);
        return List.copyOf(runs);
    }

    /** Adds {@code run} to {@code runs} unless empty, and empties it. */
    private static void flush(Set<String> runs, StringBuilder run) {
        if (run.length() > 0) {
            runs.add(run.toString());
            run.setLength(0);
        }
    }

    /** Index just past the character class opening at {@code start}, or -1 if it never closes. */
    private static int afterClass(String regex, int start) {
        int nesting = 0;
        int i = start;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                nesting++;
                i++;
                // A ']' right after '[' or '[^' is a literal member.
                if (i < regex.length() && regex.charAt(i) == '^') {
                    i++;
                }
                if (i < regex.length() && regex.charAt(i) == ']') {
                    i++;
                }
                continue;
            }
            i++;
            if (c == ']' && --nesting == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Whether an inline flag group turns on comments mode, where whitespace is not literal. */
    private static boolean hasCommentsFlag(String regex) {
        int at = regex.indexOf("(?");
        while (at >= 0) {
            for (int i = at + 2; i < regex.length(); i++) {
                char c = regex.charAt(i);
                if (c == 'x') {
                    return true;
                }
                if (!Character.isLetter(c) && c != '-') {
                    break;
                }
            }
            at = regex.indexOf("(?", at + 2);
        }
        return false;
    }
}
