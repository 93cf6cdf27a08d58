package io.sigscan.cli.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.sigscan.rules.model.RuleInfo;

/**
 * Which loaded rules run. Every condition given must hold: level at least the minimum, status one
 * of those listed, at least one tag matching one of the tag patterns, named by an include pattern
 * (when any is given) and by no exclude pattern. A rule without a level or status fails a condition
 * on it: its severity or maturity is unknown. A rule is <em>named</em> by a pattern that matches
 * its id, title, file name or file path (case-insensitive, {@code *} and {@code ?} wildcards).
 */
public final class RuleSelection implements Predicate<RuleInfo> {
    /** Sigma's levels, least severe first. */
    public static final List<String> LEVELS = List.of("informational", "low", "medium", "high", "critical");
    /** Sigma's statuses. */
    public static final List<String> STATUSES = List.of("stable", "test", "experimental", "deprecated", "unsupported");

    private final int minLevel;
    private final List<String> statuses;
    private final List<Glob> tags;
    private final List<Glob> includes;
    private final List<Glob> excludes;

    private RuleSelection(int minLevel, List<String> statuses, List<Glob> tags, List<Glob> includes,
                          List<Glob> excludes) {
        this.minLevel = minLevel;
        this.statuses = statuses;
        this.tags = tags;
        this.includes = includes;
        this.excludes = excludes;
    }

    /** Every rule. */
    public static RuleSelection all() {
        return new RuleSelection(-1, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * @param minLevel  a level of {@link #LEVELS}, or null for any
     * @param statuses  statuses of {@link #STATUSES}; empty for any
     * @throws IllegalArgumentException for a level or status Sigma does not define, saying which it does
     */
    public static RuleSelection of(String minLevel, List<String> statuses, List<String> tags, List<String> includes,
                                   List<String> excludes) {
        int level = -1;
        if (minLevel != null) {
            level = LEVELS.indexOf(minLevel.toLowerCase(Locale.ROOT));
            if (level < 0) {
                throw new IllegalArgumentException("unknown level '" + minLevel + "'; expected one of "
                        + String.join(", ", LEVELS));
            }
        }
        List<String> wanted = new ArrayList<>();
        for (String status : statuses) {
            String lower = status.toLowerCase(Locale.ROOT);
            if (!STATUSES.contains(lower)) {
                throw new IllegalArgumentException("unknown status '" + status + "'; expected one of "
                        + String.join(", ", STATUSES));
            }
            wanted.add(lower);
        }
        return new RuleSelection(level, List.copyOf(wanted), globs(tags), globs(includes), globs(excludes));
    }

    @Override
    public boolean test(RuleInfo rule) {
        if (minLevel >= 0 && (rule.level() == null || LEVELS.indexOf(rule.level().toLowerCase(Locale.ROOT)) < minLevel)) {
            return false;
        }
        if (!statuses.isEmpty() && (rule.status() == null || !statuses.contains(rule.status().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (!tags.isEmpty() && rule.tags().stream().noneMatch(tag -> anyMatches(tags, tag))) {
            return false;
        }
        if (!includes.isEmpty() && !names(includes, rule)) {
            return false;
        }
        return !names(excludes, rule);
    }

    private static boolean names(List<Glob> patterns, RuleInfo rule) {
        String file = rule.location().file();
        String fileName = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return anyMatches(patterns, rule.id()) || anyMatches(patterns, rule.title()) || anyMatches(patterns, file)
                || anyMatches(patterns, fileName);
    }

    private static boolean anyMatches(List<Glob> patterns, String value) {
        for (Glob pattern : patterns) {
            if (pattern.matches(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<Glob> globs(List<String> texts) {
        return texts.stream().map(Glob::of).toList();
    }
}
