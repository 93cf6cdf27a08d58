package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

import io.sigscan.rules.ir.Expr;

/**
 * The comparison behind Sigma's {@code fieldref}: one field's value against another's, both
 * known only per event. Case-insensitive comparison folds both sides code point by code point
 * ({@link Character#toLowerCase(int)}, which maps one code point to one), so lengths are counted
 * in code points. Hot path: no allocation.
 */
public final class FieldReference {

    private FieldReference() {
    }

    /**
     * Whether the value ({@code value*}) equals, contains, starts or ends with ({@code position})
     * the referenced value ({@code reference*}), ignoring case unless {@code cased}.
     */
    public static boolean matches(Expr.Position position, boolean cased,
                                  DirectBuffer value, int valueOffset, int valueLength,
                                  DirectBuffer reference, int referenceOffset, int referenceLength) {
        final int valueEnd = valueOffset + valueLength;
        final int referenceEnd = referenceOffset + referenceLength;
        switch (position) {
            case EQUALS:
                return prefixEnd(value, valueOffset, valueEnd, reference, referenceOffset, referenceEnd, cased) == valueEnd;
            case STARTSWITH:
                return prefixEnd(value, valueOffset, valueEnd, reference, referenceOffset, referenceEnd, cased) >= 0;
            case ENDSWITH: {
                final int skip = codePoints(value, valueOffset, valueEnd) - codePoints(reference, referenceOffset, referenceEnd);
                if (skip < 0) {
                    return false;
                }
                final int start = advance(value, valueOffset, valueEnd, skip);
                return prefixEnd(value, start, valueEnd, reference, referenceOffset, referenceEnd, cased) == valueEnd;
            }
            default: {
                for (int start = valueOffset; start <= valueEnd; start = advance(value, start, valueEnd, 1)) {
                    if (prefixEnd(value, start, valueEnd, reference, referenceOffset, referenceEnd, cased) >= 0) {
                        return true;
                    }
                    if (start == valueEnd) {
                        break;
                    }
                }
                return false;
            }
        }
    }

    /**
     * Where the value's bytes from {@code start} stop matching all of the reference: the end of
     * the matched run, or -1 when the reference does not match there.
     */
    private static int prefixEnd(DirectBuffer value, int start, int valueEnd,
                                 DirectBuffer reference, int referenceStart, int referenceEnd, boolean cased) {
        int v = start;
        int r = referenceStart;
        while (r < referenceEnd) {
            if (v >= valueEnd) {
                return -1;
            }
            final byte vb = value.getByte(v);
            final byte rb = reference.getByte(r);
            if (vb >= 0 && rb >= 0) {
                if (vb != rb && (cased || Utf8.foldAsciiByte(vb) != Utf8.foldAsciiByte(rb))) {
                    return -1;
                }
                v++;
                r++;
                continue;
            }
            final long vc = Utf8.decode(value, v, valueEnd);
            final long rc = Utf8.decode(reference, r, referenceEnd);
            final int vcp = Utf8.codePoint(vc);
            final int rcp = Utf8.codePoint(rc);
            if (vcp != rcp && (cased || Utf8.fold(vcp) != Utf8.fold(rcp))) {
                return -1;
            }
            v += Utf8.length(vc);
            r += Utf8.length(rc);
        }
        return v;
    }

    private static int codePoints(DirectBuffer buffer, int from, int end) {
        int count = 0;
        for (int i = from; i < end; i += Utf8.length(Utf8.decode(buffer, i, end))) {
            count++;
        }
        return count;
    }

    private static int advance(DirectBuffer buffer, int from, int end, int codePoints) {
        int i = from;
        for (int n = 0; n < codePoints && i < end; n++) {
            i += Utf8.length(Utf8.decode(buffer, i, end));
        }
        return i;
    }
}
