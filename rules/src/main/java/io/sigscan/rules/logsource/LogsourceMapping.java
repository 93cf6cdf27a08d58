package io.sigscan.rules.logsource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.model.LogSource;
import io.sigscan.rules.model.Problem;

/**
 * Which events each Sigma log source covers, as a list of entries read from YAML (format in the
 * built-in file, {@code io/sigscan/rules/logsource/builtin.yml}). Immutable.
 *
 * <p>Lookup: an entry applies to a rule when every key it gives (category, product, service)
 * equals the rule's, ignoring case; keys the entry leaves out are not looked at. Of the entries
 * that apply, those giving the most keys win, and their variants are taken in file order. No
 * entry applying means the log source has no mapping.
 *
 * <p>Product guard: the file may also list {@link ProductMarker}s, fields that identify an event
 * as coming from a product. Every variant returned for a rule naming a product is guarded so
 * that it does not apply to an event identified as another product only: an AWS rule skips a
 * Windows event (it has a {@code Channel}), a Linux rule skips it too unless it is a Sysmon for
 * Linux event (identified as both). Rules without a product make no claim and get no guard;
 * events identified as nothing are not held back from any rule.
 */
public final class LogsourceMapping {
    private static final String BUILT_IN = "builtin.yml";

    private final List<Entry> entries;
    private final List<ProductMarker> markers;
    private final List<Problem> problems;

    LogsourceMapping(List<Entry> entries, List<ProductMarker> markers, List<Problem> problems) {
        this.entries = List.copyOf(entries);
        this.markers = List.copyOf(markers);
        this.problems = List.copyOf(problems);
    }

    /**
     * The project's own mapping: the Windows log sources (Sysmon, Security, PowerShell, ...) and
     * the other products SigmaHQ writes rules for; see docs/logsources.md.
     */
    public static LogsourceMapping builtIn() {
        return BuiltIn.MAPPING;
    }

    /**
     * A user's mapping file, replacing the built-in one. Entries with problems are left out and
     * reported in {@link #problems()}, located in the file.
     *
     * @throws IOException when the file cannot be read
     */
    public static LogsourceMapping load(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A mapping from YAML text; {@code sourceName} is used in problem locations. */
    public static LogsourceMapping parse(String sourceName, String yamlText) {
        return new MappingParser(sourceName).parse(yamlText);
    }

    /** What was wrong with the file; each problem's entry is left out of the mapping. */
    public List<Problem> problems() {
        return problems;
    }

    /** The product markers of the file, in file order. */
    public List<ProductMarker> markers() {
        return markers;
    }

    /**
     * The variants a rule written for {@code logSource} runs on, each with the product guard of
     * the rule's product; empty when it has no mapping.
     */
    public List<LogsourceVariant> variantsFor(LogSource logSource) {
        int bestKeys = 0;
        List<LogsourceVariant> variants = new ArrayList<>();
        for (Entry entry : entries) {
            if (!entry.appliesTo(logSource)) {
                continue;
            }
            if (entry.keyCount() > bestKeys) {
                bestKeys = entry.keyCount();
                variants.clear();
            }
            if (entry.keyCount() == bestKeys) {
                variants.addAll(entry.variants());
            }
        }
        Expr guard = guardFor(logSource.product());
        if (!guard.equals(Expr.TRUE)) {
            variants.replaceAll(variant -> variant.withGuard(guard));
        }
        return List.copyOf(variants);
    }

    /**
     * True unless the event is identified as another product and not as {@code product}; always
     * true for a rule without a product or when no other product has a marker.
     */
    Expr guardFor(String product) {
        if (product == null) {
            return Expr.TRUE;
        }
        String own = product.toLowerCase(Locale.ROOT);
        List<Expr> others = new ArrayList<>();
        Expr self = null;
        for (ProductMarker marker : markers) {
            if (marker.product().equals(own)) {
                self = marker.identifies();
            } else {
                others.add(marker.identifies());
            }
        }
        if (others.isEmpty()) {
            return Expr.TRUE;
        }
        Expr notOther = new Expr.Not(new Expr.Or(others));
        return self == null ? notOther : new Expr.Or(List.of(self, notOther));
    }

    @Override
    public String toString() {
        return "LogsourceMapping[" + entries.size() + " log sources, " + markers.size() + " product markers]";
    }

    /** One log source of the file and its variants; null keys are left open. */
    record Entry(LogSource logSource, List<LogsourceVariant> variants) {
        Entry {
            variants = List.copyOf(variants);
        }

        boolean appliesTo(LogSource rule) {
            return keyMatches(logSource.category(), rule.category())
                    && keyMatches(logSource.product(), rule.product())
                    && keyMatches(logSource.service(), rule.service());
        }

        int keyCount() {
            return (logSource.category() != null ? 1 : 0) + (logSource.product() != null ? 1 : 0)
                    + (logSource.service() != null ? 1 : 0);
        }

        private static boolean keyMatches(String entryValue, String ruleValue) {
            return entryValue == null
                    || ruleValue != null && entryValue.toLowerCase(Locale.ROOT).equals(ruleValue.toLowerCase(Locale.ROOT));
        }
    }

    /** Parsed on first use; a problem in the project's own file is a build defect, not user input. */
    private static final class BuiltIn {
        static final LogsourceMapping MAPPING = read();

        private static LogsourceMapping read() {
            try (InputStream in = LogsourceMapping.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + BUILT_IN + " is missing from the classpath");
                }
                LogsourceMapping mapping = parse(BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (!mapping.problems().isEmpty()) {
                    throw new IllegalStateException("built-in log-source mapping is invalid: " + mapping.problems());
                }
                return mapping;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BUILT_IN, e);
            }
        }
    }
}
