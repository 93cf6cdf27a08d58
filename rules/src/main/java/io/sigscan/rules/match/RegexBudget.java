package io.sigscan.rules.match;

/**
 * How many RE2J program instructions the regular expressions of one rule set may have together.
 * Each regex is already held to {@link RegexMatchers#MAX_PROGRAM_INSTRUCTIONS}, but a rule file
 * from a stranger can hold a thousand regexes just under that: 200 KB of YAML that took 19 s and
 * 6.4 GB to load. SigmaHQ's active rules need 7,658 instructions in all (the largest regex
 * about 1,000), so the default leaves two orders of magnitude for users' own rules while keeping
 * a rule set's regexes to tens of megabytes. A regex that would overdraw it is refused, with its
 * rule; those before it keep theirs, so what loads depends only on rule order. Thread-safe.
 */
public final class RegexBudget {
    /** The budget of a rule set unless told otherwise. */
    public static final long DEFAULT_INSTRUCTIONS = 1_000_000;

    private final long total;
    private long spent;

    public RegexBudget(long instructions) {
        this.total = instructions;
    }

    /** No limit beyond each regex's own: for matchers built one at a time, outside a rule set. */
    static RegexBudget unlimited() {
        return new RegexBudget(Long.MAX_VALUE);
    }

    /** Instructions granted so far. */
    public synchronized long spent() {
        return spent;
    }

    /**
     * Grants {@code instructions} to {@code pattern}.
     *
     * @throws UnsupportedPatternException when the rule set's regexes would then pass the total
     */
    synchronized void spend(int instructions, String pattern) {
        if (instructions > total - spent) {
            throw new UnsupportedPatternException("regular expression '" + RegexMatchers.abbreviated(pattern)
                    + "' compiles to " + instructions + " instructions, and the rule set's regexes before it already have "
                    + spent + " of the " + total + " they may have together (every SigmaHQ rule together needs"
                    + " under 8,000); the rules before it keep theirs");
        }
        spent += instructions;
    }
}
