package io.sigscan.rules.match;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.sigscan.rules.ir.ValueTest;

/**
 * Chooses the matcher for a wildcard pattern by its shape after normalising it (adjacent
 * literals joined, runs of {@code *} collapsed): {@code lit} exact, {@code lit*} startswith,
 * {@code *lit} endswith, {@code *lit*} contains, {@code *} anything, else the general glob.
 *
 * <p>Case-insensitive needles are lower-cased here, once, code point by code point with
 * {@link Character#toLowerCase(int)} (locale-independent, like {@code Locale.ROOT}); values are
 * folded the same way while matching. A lone surrogate in a needle cannot be encoded as UTF-8
 * and is replaced by U+FFFD.
 */
final class PatternMatchers {

    private PatternMatchers() {
    }

    static ValueMatcher forPattern(ValueTest.Pattern pattern) {
        final boolean fold = !pattern.cased();
        final List<ValueTest.Part> parts = normalise(pattern.parts());
        final int[] tokens = tokens(parts, fold);
        if (parts.size() == 1 && parts.get(0) instanceof ValueTest.AnyString) {
            return AnyValueMatcher.INSTANCE;
        }
        if (!hasSoleLiteralShape(parts)) {
            return guardedGlob(parts, new GlobMatcher(tokens, fold));
        }
        final byte[] needle = literalBytes(tokens);
        if (fold && !isAscii(needle)) {
            // A folded non-ASCII needle: only values with non-ASCII bytes can match it.
            return new NonAsciiNeedleMatcher(tokens);
        }
        final boolean leadingStar = !parts.isEmpty() && parts.get(0) instanceof ValueTest.AnyString;
        final boolean trailingStar = !parts.isEmpty() && parts.get(parts.size() - 1) instanceof ValueTest.AnyString;
        if (leadingStar && trailingStar) {
            return new ContainsMatcher(needle, tokens, fold);
        }
        if (leadingStar) {
            return new SuffixMatcher(needle, tokens, fold);
        }
        if (trailingStar) {
            return new PrefixMatcher(needle, tokens, fold);
        }
        return new ExactMatcher(needle, tokens, fold);
    }

    /**
     * The glob behind its literal runs of two or more ASCII characters, lower-cased (the guard
     * folds case, so for a cased glob it only lets more values through): on long command lines
     * the general glob, which decodes and folds every character and retries after each star, cost
     * SigmaHQ's shell-redirect rule 10 µs per event; most values lack its {@code %appdata%\}.
     * Runs with non-ASCII characters are left out, since Unicode folding may match them with other
     * bytes; a glob without a usable run is returned as it is.
     */
    private static ValueMatcher guardedGlob(List<ValueTest.Part> parts, GlobMatcher glob) {
        List<String> runs = new ArrayList<>();
        for (ValueTest.Part part : parts) {
            if (part instanceof ValueTest.Literal literal && literal.text().length() >= 2
                    && literal.text().chars().allMatch(c -> c < 0x80)) {
                runs.add(literal.text().toLowerCase(Locale.ROOT));
            }
        }
        return runs.isEmpty() ? glob : new LiteralGuardedMatcher(runs, glob);
    }

    /** Whether the parts are empty or one literal with an optional {@code *} on either side. */
    private static boolean hasSoleLiteralShape(List<ValueTest.Part> parts) {
        int literals = 0;
        for (int i = 0; i < parts.size(); i++) {
            ValueTest.Part part = parts.get(i);
            if (part instanceof ValueTest.AnyChar) {
                return false;
            }
            if (part instanceof ValueTest.Literal) {
                literals++;
            } else if (i != 0 && i != parts.size() - 1) {
                return false;
            }
        }
        return literals == 1 || parts.isEmpty();
    }

    /** Joins adjacent literals and collapses runs of {@code *}; the result means the same. */
    static List<ValueTest.Part> normalise(List<ValueTest.Part> parts) {
        List<ValueTest.Part> result = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (ValueTest.Part part : parts) {
            if (part instanceof ValueTest.Literal literal) {
                pending.append(literal.text());
                continue;
            }
            if (pending.length() > 0) {
                result.add(new ValueTest.Literal(pending.toString()));
                pending.setLength(0);
            }
            boolean repeatedStar = part instanceof ValueTest.AnyString && !result.isEmpty()
                    && result.get(result.size() - 1) instanceof ValueTest.AnyString;
            if (!repeatedStar) {
                result.add(part);
            }
        }
        if (pending.length() > 0) {
            result.add(new ValueTest.Literal(pending.toString()));
        }
        return result;
    }

    private static int[] tokens(List<ValueTest.Part> parts, boolean fold) {
        List<Integer> tokens = new ArrayList<>();
        for (ValueTest.Part part : parts) {
            if (part instanceof ValueTest.AnyString) {
                tokens.add(Glob.STAR);
            } else if (part instanceof ValueTest.AnyChar) {
                tokens.add(Glob.ANY_CHAR);
            } else {
                String text = ((ValueTest.Literal) part).text();
                for (int i = 0; i < text.length(); ) {
                    int codePoint = text.codePointAt(i);
                    tokens.add(needleCodePoint(codePoint, fold));
                    i += Character.charCount(codePoint);
                }
            }
        }
        int[] result = new int[tokens.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = tokens.get(i);
        }
        return result;
    }

    /** UTF-8 of the literal code points among the tokens (wildcards skipped). */
    private static byte[] literalBytes(int[] tokens) {
        StringBuilder text = new StringBuilder();
        for (int token : tokens) {
            if (token != Glob.STAR && token != Glob.ANY_CHAR) {
                text.appendCodePoint(token);
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static int needleCodePoint(int codePoint, boolean fold) {
        if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            return 0xFFFD;
        }
        return fold ? Character.toLowerCase(codePoint) : codePoint;
    }
}
