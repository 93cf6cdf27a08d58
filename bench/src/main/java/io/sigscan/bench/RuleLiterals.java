package io.sigscan.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;
import io.sigscan.rules.load.LoadResult;
import io.sigscan.rules.load.RuleLoader;
import io.sigscan.rules.model.SigmaRule;

/**
 * Writes the distinct literal fragments of at least {@value #MIN_LENGTH} characters found in the
 * detection values of rules, one per line, for {@code grep -F -i -f}: the text a literal
 * pre-filter would look for, as a baseline for a scan. Fragments are the literal runs between
 * wildcards of plain values (regular expressions have none); they are written JSON-escaped
 * ({@code \} as {@code \\}), as they appear in JSON-lines logs, and distinct ignoring case.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.sigscan.bench.RuleLiterals RULES_DIR LITERALS_FILE</pre>
 */
public final class RuleLiterals {
    static final int MIN_LENGTH = 8;

    private RuleLiterals() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream err = System.err;
        if (args.length != 2) {
            err.println("usage: RuleLiterals RULES_DIR LITERALS_FILE");
            System.exit(2);
        }
        LoadResult loaded = RuleLoader.defaults().load(List.of(Path.of(args[0])));
        Set<String> literals = literals(loaded.rules());
        Files.write(Path.of(args[1]), literals, StandardCharsets.UTF_8);
        err.printf(Locale.ROOT, "%d distinct literals of %d+ characters from %d rules in %s%n", literals.size(), MIN_LENGTH,
                loaded.rules().size(), args[0]);
    }

    /** The fragments, JSON-escaped, lower case, sorted. */
    static Set<String> literals(List<SigmaRule> rules) {
        Set<String> literals = new TreeSet<>();
        List<Expr> pending = new ArrayList<>();
        for (SigmaRule rule : rules) {
            pending.add(rule.detection());
        }
        while (!pending.isEmpty()) {
            Expr expr = pending.remove(pending.size() - 1);
            if (expr instanceof Expr.And and) {
                pending.addAll(and.operands());
            } else if (expr instanceof Expr.Or or) {
                pending.addAll(or.operands());
            } else if (expr instanceof Expr.Not not) {
                pending.add(not.operand());
            } else if (expr instanceof Expr.Match match) {
                addLiterals(match.test(), literals);
            } else if (expr instanceof Expr.Keyword keyword) {
                addLiterals(keyword.test(), literals);
            }
        }
        return literals;
    }

    private static void addLiterals(ValueTest test, Set<String> literals) {
        if (!(test instanceof ValueTest.Pattern pattern)) {
            return;
        }
        for (ValueTest.Part part : pattern.parts()) {
            if (part instanceof ValueTest.Literal literal && literal.text().length() >= MIN_LENGTH
                    && literal.text().indexOf('\n') < 0 && literal.text().indexOf('\r') < 0) {
                literals.add(jsonEscaped(literal.text().toLowerCase(Locale.ROOT)));
            }
        }
    }

    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
