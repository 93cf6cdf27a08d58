package io.sigscan.rules.prefilter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;
import io.sigscan.rules.match.RegexLiterals;

/**
 * Finds a rule's witness: a set of needles at least one of which occurs in the event whenever
 * the rule's detection matches. The pre-filter evaluates a rule only when one of its needles
 * was seen, so soundness is everything here and every case this class does not understand
 * yields no witness, which means "always evaluate".
 *
 * <ul>
 *   <li>a field pattern: its longest run of literal text whose bytes any matching value holds, up
 *       to ASCII case (see {@link #exactRuns});</li>
 *   <li>{@code and}: the witness of one operand, the most selective (longest shortest needle,
 *       then fewest needles), since every operand must hold;</li>
 *   <li>{@code or}: the union of all operands' witnesses; none if any operand has none;</li>
 *   <li>{@code false}: the empty witness (the detection can never match);</li>
 *   <li>a regex: the longest literal text it requires (see {@link RegexLiterals});</li>
 *   <li>a keyword: as a pattern, on the keyword pseudo-field (every string value);</li>
 *   <li>everything else — {@code not}, {@code true}, null and exists tests,
 *       any test added later — has none.</li>
 * </ul>
 */
public final class Witnesses {
    /** Lower-case forms that more than one code point folds to, and all those code points. */
    private static final Map<Integer, List<Integer>> FORMS_OF_SHARED_LOWER_CASE = formsOfSharedLowerCase();
    private static final int MAX_FORMS = 4;

    private Witnesses() {
    }

    /** The witness of {@code detection}, or null when it has none. */
    public static List<Needle> of(Expr detection) {
        if (detection instanceof Expr.Match match) {
            return ofTest(match.field(), match.test());
        }
        if (detection instanceof Expr.Keyword keyword) {
            return ofTest(Needle.KEYWORDS, keyword.test());
        }
        if (detection instanceof Expr.And and) {
            List<Needle> best = null;
            for (Expr operand : and.operands()) {
                List<Needle> witness = of(operand);
                if (witness != null && (best == null || moreSelective(witness, best))) {
                    best = witness;
                }
            }
            return best;
        }
        if (detection instanceof Expr.Or or) {
            List<Needle> union = new ArrayList<>();
            for (Expr operand : or.operands()) {
                List<Needle> witness = of(operand);
                if (witness == null) {
                    return null;
                }
                union.addAll(witness);
            }
            return union;
        }
        if (detection instanceof Expr.Const constant && !constant.value()) {
            return List.of();
        }
        return null;
    }

    private static List<Needle> ofTest(String field, ValueTest test) {
        if (test instanceof ValueTest.Regex regex) {
            String run = RegexLiterals.longestRequiredRun(regex.pattern());
            return run.isEmpty() ? null : List.of(new Needle(field, run));
        }
        if (!(test instanceof ValueTest.Pattern pattern)) {
            return null;
        }
        String longest = "";
        for (ValueTest.Part part : pattern.parts()) {
            if (part instanceof ValueTest.Literal literal) {
                for (String run : exactRuns(literal.text(), pattern.cased())) {
                    if (utf8Length(run) > utf8Length(longest)) {
                        longest = run;
                    }
                }
            }
        }
        if (!longest.isEmpty()) {
            return List.of(new Needle(field, longest));
        }
        return pattern.cased() ? null : anyFormOfOneCharacter(field, pattern);
    }

    /**
     * For a case-insensitive pattern without a certain run (such as a single Cyrillic letter,
     * which a value may hold in either case): every form of one of its characters, when it has
     * only a few, since a matching value holds one of them.
     */
    private static List<Needle> anyFormOfOneCharacter(String field, ValueTest.Pattern pattern) {
        for (ValueTest.Part part : pattern.parts()) {
            if (part instanceof ValueTest.Literal literal) {
                int folded = Character.toLowerCase(literal.text().codePointAt(0));
                List<Integer> forms = FORMS_OF_SHARED_LOWER_CASE.get(folded);
                if (forms != null && forms.size() <= MAX_FORMS) {
                    List<Needle> needles = new ArrayList<>();
                    for (int form : forms) {
                        needles.add(new Needle(field, new String(Character.toChars(form))));
                    }
                    return needles;
                }
            }
        }
        return null;
    }

    /**
     * The maximal runs of {@code literal} that any matching value holds byte for byte, up to
     * ASCII case: ASCII characters lower-cased; other characters as the matcher compares them
     * (as written when cased; folded otherwise, and then only when no other character folds to
     * the same one, so its bytes are certain). Lone surrogates end a run.
     */
    static List<String> exactRuns(String literal, boolean cased) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < literal.length(); ) {
            int codePoint = literal.codePointAt(i);
            i += Character.charCount(codePoint);
            int compared = cased ? codePoint : Character.toLowerCase(codePoint);
            boolean certain = codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE;
            if (compared >= 0x80 && !cased) {
                certain &= !FORMS_OF_SHARED_LOWER_CASE.containsKey(compared);
            }
            if (certain) {
                run.appendCodePoint(compared < 0x80 ? Character.toLowerCase(compared) : compared);
            } else if (run.length() > 0) {
                runs.add(run.toString());
                run.setLength(0);
            }
        }
        if (run.length() > 0) {
            runs.add(run.toString());
        }
        return runs;
    }

    private static Map<Integer, List<Integer>> formsOfSharedLowerCase() {
        Map<Integer, List<Integer>> forms = new HashMap<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            int lower = Character.toLowerCase(codePoint);
            if (lower != codePoint) {
                forms.computeIfAbsent(lower, key -> new ArrayList<>(List.of(key))).add(codePoint);
            }
        }
        return forms;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Longer needles are rarer; at equal shortest length, fewer needles hit less often. */
    private static boolean moreSelective(List<Needle> candidate, List<Needle> best) {
        if (candidate.isEmpty() || best.isEmpty()) {
            return candidate.isEmpty() && !best.isEmpty();
        }
        int candidateShortest = shortest(candidate);
        int bestShortest = shortest(best);
        if (candidateShortest != bestShortest) {
            return candidateShortest > bestShortest;
        }
        return candidate.size() < best.size();
    }

    private static int shortest(List<Needle> needles) {
        int shortest = Integer.MAX_VALUE;
        for (Needle needle : needles) {
            shortest = Math.min(shortest, utf8Length(needle.text()));
        }
        return shortest;
    }
}
