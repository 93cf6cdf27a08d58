package io.sigscan.rules.load;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.sigscan.rules.ir.ValueTest;

/** The Sigma value modifiers of spec v2.1.0 and pySigma, with the families the chain rules talk about. */
enum Modifier {
    CONTAINS,
    STARTSWITH,
    ENDSWITH,
    ALL,
    CASED,
    EXISTS,
    RE,
    I,
    M,
    S,
    /** pySigma's long names of the regex flags. */
    IGNORECASE,
    MULTILINE,
    DOTALL,
    NEQ,
    WINDASH,
    BASE64,
    BASE64OFFSET,
    UTF16LE,
    UTF16BE,
    UTF16,
    WIDE,
    CIDR,
    LT,
    LTE,
    GT,
    GTE,
    FIELDREF,
    EXPAND,
    MINUTE,
    HOUR,
    DAY,
    WEEK,
    MONTH,
    YEAR;

    /** What messages list as accepted. */
    static final String SUPPORTED_NAMES = "contains, startswith, endswith, all, cased, exists, "
            + "re (with i, m, s or ignorecase, multiline, dotall), "
            + "neq, windash, base64, base64offset, utf16le, utf16be, utf16, wide, cidr, lt, lte, gt, gte, "
            + "fieldref, expand, minute, hour, day, week, month, year";

    String sigmaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static final Map<String, Modifier> BY_NAME = indexByName();

    private static Map<String, Modifier> indexByName() {
        Map<String, Modifier> names = new HashMap<>();
        for (Modifier modifier : values()) {
            names.put(modifier.sigmaName(), modifier);
        }
        return Map.copyOf(names);
    }

    /** The modifier written {@code name} (Sigma modifiers are lower case), or null. */
    static Modifier byName(String name) {
        return BY_NAME.get(name);
    }

    boolean isPosition() {
        return this == CONTAINS || this == STARTSWITH || this == ENDSWITH;
    }

    boolean isRegexFlag() {
        return regexFlag() != null;
    }

    /** {@link #I}, {@link #M} or {@link #S} for a regex flag under either of its names; else null. */
    Modifier regexFlag() {
        return switch (this) {
            case I, IGNORECASE -> I;
            case M, MULTILINE -> M;
            case S, DOTALL -> S;
            default -> null;
        };
    }

    boolean isUtf16() {
        return this == UTF16LE || this == UTF16BE || this == UTF16 || this == WIDE;
    }

    boolean isBase64() {
        return this == BASE64 || this == BASE64OFFSET;
    }

    /** {@code all} and {@code neq} shape the item (AND of values, negation), not the value. */
    boolean isItemShape() {
        return this == ALL || this == NEQ;
    }

    /** The comparison of {@code lt}/{@code lte}/{@code gt}/{@code gte}; null for other modifiers. */
    ValueTest.Comparison comparison() {
        return switch (this) {
            case LT -> ValueTest.Comparison.LT;
            case LTE -> ValueTest.Comparison.LTE;
            case GT -> ValueTest.Comparison.GT;
            case GTE -> ValueTest.Comparison.GTE;
            default -> null;
        };
    }

    boolean isComparison() {
        return comparison() != null;
    }

    /** The timestamp part a time modifier takes; null for other modifiers. */
    ValueTest.TimeField timeField() {
        return switch (this) {
            case MINUTE -> ValueTest.TimeField.MINUTE;
            case HOUR -> ValueTest.TimeField.HOUR;
            case DAY -> ValueTest.TimeField.DAY;
            case WEEK -> ValueTest.TimeField.WEEK;
            case MONTH -> ValueTest.TimeField.MONTH;
            case YEAR -> ValueTest.TimeField.YEAR;
            default -> null;
        };
    }

    boolean isTimePart() {
        return timeField() != null;
    }
}
