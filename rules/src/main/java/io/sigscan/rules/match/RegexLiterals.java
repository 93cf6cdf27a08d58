package io.sigscan.rules.match;

/**
 * The longest run of ASCII text every match of a regular expression contains, read from the
 * expression conservatively: only characters at the top level of the expression, outside
 * groups and character classes, that are neither optional nor part of a top-level
 * alternation. Anything this reader does not understand ends the current run; constructs that
 * change how text is read ({@code \Q}, comments mode) give up altogether. The result is
 * lower-cased, since its users (the pre-filter and the guard in front of each regex) fold ASCII
 * case, and empty when there is no such run.
 */
public final class RegexLiterals {

    private RegexLiterals() {
    }

    public static String longestRequiredRun(String regex) {
        if (regex.contains("\\Q") || hasCommentsFlag(regex)) {
            return "";
        }
        String longest = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 >= regex.length()) {
                    return "";
                }
                char escaped = regex.charAt(i + 1);
                if (Character.isDigit(escaped) || "xuopPNkc".indexOf(escaped) >= 0) {
                    return ""; // escapes with arguments (code points, properties, back-references)
                }
                i += 2;
                if (depth == 0 && escaped < 0x80 && !Character.isLetterOrDigit(escaped)) {
                    run.append(Character.toLowerCase(escaped));
                } else {
                    longest = longer(longest, run);
                }
                continue;
            }
            if (c == '[') {
                longest = longer(longest, run);
                i = afterClass(regex, i);
                if (i < 0) {
                    return "";
                }
                continue;
            }
            i++;
            if (c == '(') {
                longest = longer(longest, run);
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    return "";
                }
            } else if (c == '|') {
                if (depth == 0) {
                    return "";
                }
            } else if (depth > 0) {
                continue;
            } else if (c == '*' || c == '?' || c == '{') {
                // The atom before is optional (or its count unknown): it is not required.
                if (run.length() > 0) {
                    run.setLength(run.length() - 1);
                }
                longest = longer(longest, run);
                if (c == '{') {
                    i = regex.indexOf('}', i) + 1;
                    if (i == 0) {
                        return "";
                    }
                }
            } else if (c == '+') {
                longest = longer(longest, run);
            } else if (c == '.' || c == '^' || c == '$' || c >= 0x80 || c < 0x20) {
                longest = longer(longest, run);
            } else {
                run.append(Character.toLowerCase(c));
            }
        }
        if (depth != 0) {
            return "";
        }
        return longer(longest, run);
    }

    /** Returns the longer of {@code longest} and {@code run}, and empties {@code run}. */
    private static String longer(String longest, StringBuilder run) {
        String candidate = run.toString();
        run.setLength(0);
        return candidate.length() > longest.length() ? candidate : longest;
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
