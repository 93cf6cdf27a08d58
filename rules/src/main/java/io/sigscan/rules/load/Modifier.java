package io.sigscan.rules.load;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The Sigma value modifiers, by what this version does with them. */
enum Modifier {
    CONTAINS(Support.SUPPORTED),
    STARTSWITH(Support.SUPPORTED),
    ENDSWITH(Support.SUPPORTED),
    ALL(Support.SUPPORTED),
    CASED(Support.SUPPORTED),
    EXISTS(Support.SUPPORTED),
    RE(Support.SUPPORTED),
    I(Support.SUPPORTED),
    M(Support.SUPPORTED),
    S(Support.SUPPORTED),
    /** pySigma's long names of the regex flags. */
    IGNORECASE(Support.SUPPORTED),
    MULTILINE(Support.SUPPORTED),
    DOTALL(Support.SUPPORTED),
    NEQ(Support.SUPPORTED),
    WINDASH(Support.SUPPORTED),
    BASE64(Support.SUPPORTED),
    BASE64OFFSET(Support.SUPPORTED),
    UTF16LE(Support.SUPPORTED),
    UTF16BE(Support.SUPPORTED),
    UTF16(Support.SUPPORTED),
    WIDE(Support.SUPPORTED),
    CIDR(Support.NOT_YET),
    LT(Support.NOT_YET),
    LTE(Support.NOT_YET),
    GT(Support.NOT_YET),
    GTE(Support.NOT_YET),
    FIELDREF(Support.NOT_YET),
    EXPAND(Support.NOT_YET),
    MINUTE(Support.NOT_YET),
    HOUR(Support.NOT_YET),
    DAY(Support.NOT_YET),
    WEEK(Support.NOT_YET),
    MONTH(Support.NOT_YET),
    YEAR(Support.NOT_YET);

    enum Support { SUPPORTED, NOT_YET }

    /** What messages list as accepted. */
    static final String SUPPORTED_NAMES = "contains, startswith, endswith, all, cased, exists, "
            + "re (with i, m, s or ignorecase, multiline, dotall), "
            + "neq, windash, base64, base64offset, utf16le, utf16be, utf16, wide";

    final Support support;

    Modifier(Support support) {
        this.support = support;
    }

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
}
