package io.sigscan.rules.load;

import io.sigscan.rules.condition.ConditionException;

/**
 * The stable {@code kind} names of loading problems: tools and tests key on them, so they never
 * change once published.
 */
final class ProblemKind {

    /** A file or directory could not be read, is too large, or a directory loops. */
    static final String IO = "io";
    /** A rule file is not valid UTF-8. */
    static final String ENCODING = "encoding";
    /** YAML syntax errors and YAML-level limits (aliases, nesting, size). */
    static final String YAML = "yaml";
    /** An explicit YAML tag other than the standard scalar and collection tags. */
    static final String YAML_TAG = "yaml-tag";
    /** The same key twice in one mapping. */
    static final String DUPLICATE_KEY = "duplicate-key";
    /** The {@code correlation} section of a correlation rule. */
    static final String CORRELATION = "correlation";
    /** The {@code filter} section of a meta filter. */
    static final String FILTER = "filter";
    /** Sigma 1.0 constructs dropped from the spec: action: global, timeframe, aggregation pipes. */
    static final String LEGACY_SYNTAX = ConditionException.LEGACY_SYNTAX;
    /** Title, id, level, status, dates, tags, logsource. */
    static final String METADATA = "metadata";
    /** The shape of the detection section and its search identifiers. */
    static final String DETECTION = "detection";
    /** A modifier name Sigma does not define. */
    static final String UNKNOWN_MODIFIER = "unknown-modifier";
    /** Modifiers that cannot be combined, or a value a modifier cannot take. */
    static final String MODIFIER = "modifier";
    /** A placeholder without a value, or a placeholders file that cannot be used. */
    static final String PLACEHOLDER = "placeholder";
    /** A {@code re} value that is not a valid regular expression. */
    static final String REGEX = "regex";
    /** The condition expression. */
    static final String CONDITION = ConditionException.CONDITION;
    /** Anything that should not have happened; the message says what. */
    static final String INTERNAL = "internal";

    private ProblemKind() {
    }
}
