package io.sigscan.engine.evtx;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Renders Binary XML values as UTF-8 text without allocating: numbers in decimal, hex integers as
 * {@code 0x...}, GUIDs as upper-case {@code {XXXXXXXX-XXXX-...}}, FILETIME as ISO-8601 with microseconds and
 * SYSTEMTIME with milliseconds (as the reference JSON renderings do), SIDs as {@code S-1-5-...}, binary as
 * upper-case hex. Callers reserve {@link #maxLength} bytes first. Reals are the one allocating case (rare).
 */
final class ValueText {
    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long FILETIME_UNIX_EPOCH_SECONDS = 11_644_473_600L;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private ValueText() {
    }

    /** An upper bound of the UTF-8 length of a value of {@code length} source bytes. */
    static int maxLength(int length) {
        return 3 * length + 64;
    }

    /** Renders one scalar value; returns the position after the last byte written. */
    static int render(DirectBuffer src, int type, int offset, int length, MutableDirectBuffer dst, int at) {
        switch (type) {
            case ValueType.NULL:
                return at;
            case ValueType.STRING:
            case ValueType.EVT_XML:
                return utf16(src, offset, trimmedUtf16Length(src, offset, length), dst, at);
            case ValueType.ANSI_STRING:
                return latin1(src, offset, length, dst, at);
            case ValueType.INT8:
                return length < 1 ? at : decimal(src.getByte(offset), dst, at);
            case ValueType.UINT8:
                return length < 1 ? at : decimal(src.getByte(offset) & 0xff, dst, at);
            case ValueType.INT16:
                return length < 2 ? at : decimal(src.getShort(offset, LE), dst, at);
            case ValueType.UINT16:
                return length < 2 ? at : decimal(src.getShort(offset, LE) & 0xffff, dst, at);
            case ValueType.INT32:
                return length < 4 ? at : decimal(src.getInt(offset, LE), dst, at);
            case ValueType.UINT32:
                return length < 4 ? at : decimal(src.getInt(offset, LE) & 0xffff_ffffL, dst, at);
            case ValueType.INT64:
            case ValueType.EVT_HANDLE:
                return length < 8 ? at : decimal(src.getLong(offset, LE), dst, at);
            case ValueType.UINT64:
                return length < 8 ? at : unsignedDecimal(src.getLong(offset, LE), dst, at);
            case ValueType.REAL32:
                return length < 4 ? at : ascii(Float.toString(src.getFloat(offset, LE)), dst, at);
            case ValueType.REAL64:
                return length < 8 ? at : ascii(Double.toString(src.getDouble(offset, LE)), dst, at);
            case ValueType.BOOL:
                return bool(length >= 4 ? src.getInt(offset) != 0 : length > 0 && src.getByte(offset) != 0, dst, at);
            case ValueType.BINARY:
                return hexBytes(src, offset, length, dst, at);
            case ValueType.GUID:
                return length < 16 ? at : guid(src, offset, dst, at);
            case ValueType.SIZE_T:
                return length >= 8 ? hex(src.getLong(offset, LE), dst, at)
                        : length >= 4 ? hex(src.getInt(offset, LE) & 0xffff_ffffL, dst, at) : at;
            case ValueType.HEX_INT32:
                return length < 4 ? at : hex(src.getInt(offset, LE) & 0xffff_ffffL, dst, at);
            case ValueType.HEX_INT64:
                return length < 8 ? at : hex(src.getLong(offset, LE), dst, at);
            case ValueType.FILETIME:
                return length < 8 ? at : filetime(src.getLong(offset, LE), dst, at);
            case ValueType.SYSTEMTIME:
                return length < 16 ? at : systemtime(src, offset, dst, at);
            case ValueType.SID:
                return sid(src, offset, length, dst, at);
            case ValueType.CHAR_REF:
                return length < 2 ? at : codePoint(src.getShort(offset, LE) & 0xffff, dst, at);
            default:
                // Unknown types (and nested Binary XML where text is expected) keep their raw bytes visible.
                return hexBytes(src, offset, length, dst, at);
        }
    }

    /** Number of elements of an array value ({@code type} without the array flag). */
    static int arrayCount(DirectBuffer src, int type, int offset, int length) {
        int count = 0;
        final int end = offset + length;
        for (int position = offset, next; (next = elementEnd(src, type, position, end)) > position; position = next) {
            count++;
        }
        return count;
    }

    /**
     * Where the array element starting at {@code position} ends (and the next one starts), or {@code position}
     * when no element is left before {@code end}. String arrays are NUL-separated strings, SID arrays consecutive
     * SIDs. Arrays are walked in order with it: finding element i from the start each time would be quadratic
     * on a hostile array of thousands of empty strings.
     */
    static int elementEnd(DirectBuffer src, int type, int position, int end) {
        final int size = ValueType.fixedSize(type);
        if (size > 0) {
            return position + size <= end ? position + size : position;
        }
        if (position >= end) {
            return position;
        }
        if (type == ValueType.STRING) {
            for (int p = position; p + 1 < end; p += 2) {
                if (src.getShort(p) == 0) {
                    return p + 2;
                }
            }
            return end;
        }
        if (type == ValueType.ANSI_STRING) {
            for (int p = position; p < end; p++) {
                if (src.getByte(p) == 0) {
                    return p + 1;
                }
            }
            return end;
        }
        if (type == ValueType.SID && position + 8 <= end) {
            return Math.min(position + 8 + 4 * (src.getByte(position + 1) & 0xff), end);
        }
        return end;
    }

    /** Bytes of an array element's own content, without the NUL that ends a string element. */
    static int elementLength(DirectBuffer src, int type, int position, int next) {
        if (type == ValueType.STRING && next - position >= 2 && src.getShort(next - 2) == 0) {
            return next - position - 2;
        }
        if (type == ValueType.ANSI_STRING && next > position && src.getByte(next - 1) == 0) {
            return next - position - 1;
        }
        return next - position;
    }

    /**
     * Byte length of a UTF-16 string without its trailing NUL and white-space characters: the reference JSON
     * renderings (and so the matches SigmaHQ's regression tests expect) drop them, e.g. the space Windows
     * leaves after a quoted {@code ParentCommandLine}.
     */
    static int trimmedUtf16Length(DirectBuffer src, int offset, int length) {
        int n = length & ~1;
        while (n >= 2 && isTrimmed(src.getChar(offset + n - 2, LE))) {
            n -= 2;
        }
        return n;
    }

    private static boolean isTrimmed(char c) {
        return c == 0 || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static int utf16(DirectBuffer src, int offset, int length, MutableDirectBuffer dst, int at) {
        int p = at;
        final int end = offset + (length & ~1);
        for (int i = offset; i < end; i += 2) {
            int c = src.getChar(i, LE);
            if (c < 0x80) {
                dst.putByte(p++, (byte) c);
            } else if (c < 0x800) {
                dst.putByte(p++, (byte) (0xc0 | (c >> 6)));
                dst.putByte(p++, (byte) (0x80 | (c & 0x3f)));
            } else if (Character.isHighSurrogate((char) c) && i + 3 < end
                    && Character.isLowSurrogate(src.getChar(i + 2, LE))) {
                int cp = Character.toCodePoint((char) c, src.getChar(i + 2, LE));
                i += 2;
                dst.putByte(p++, (byte) (0xf0 | (cp >> 18)));
                dst.putByte(p++, (byte) (0x80 | ((cp >> 12) & 0x3f)));
                dst.putByte(p++, (byte) (0x80 | ((cp >> 6) & 0x3f)));
                dst.putByte(p++, (byte) (0x80 | (cp & 0x3f)));
            } else {
                p = codePoint(Character.isSurrogate((char) c) ? 0xfffd : c, dst, p);
            }
        }
        return p;
    }

    private static int codePoint(int c, MutableDirectBuffer dst, int at) {
        int p = at;
        if (c < 0x80) {
            dst.putByte(p++, (byte) c);
        } else if (c < 0x800) {
            dst.putByte(p++, (byte) (0xc0 | (c >> 6)));
            dst.putByte(p++, (byte) (0x80 | (c & 0x3f)));
        } else {
            dst.putByte(p++, (byte) (0xe0 | (c >> 12)));
            dst.putByte(p++, (byte) (0x80 | ((c >> 6) & 0x3f)));
            dst.putByte(p++, (byte) (0x80 | (c & 0x3f)));
        }
        return p;
    }

    /** ANSI strings are decoded as Latin-1 (the code page is not recorded), up to the first NUL. */
    private static int latin1(DirectBuffer src, int offset, int length, MutableDirectBuffer dst, int at) {
        int p = at;
        for (int i = 0; i < length; i++) {
            int b = src.getByte(offset + i) & 0xff;
            if (b == 0) {
                break;
            }
            p = codePoint(b, dst, p);
        }
        return p;
    }

    private static int ascii(String text, MutableDirectBuffer dst, int at) {
        return at + dst.putStringWithoutLengthAscii(at, text);
    }

    private static int bool(boolean value, MutableDirectBuffer dst, int at) {
        return ascii(value ? "true" : "false", dst, at);
    }

    static int decimal(long value, MutableDirectBuffer dst, int at) {
        if (value < 0) {
            dst.putByte(at, (byte) '-');
            if (value == Long.MIN_VALUE) {
                return ascii("9223372036854775808", dst, at + 1);
            }
            return unsignedDecimal(-value, dst, at + 1);
        }
        return unsignedDecimal(value, dst, at);
    }

    static int unsignedDecimal(long value, MutableDirectBuffer dst, int at) {
        int digits = 1;
        for (long v = Long.divideUnsigned(value, 10); v != 0; v /= 10) {
            digits++;
        }
        long v = value;
        int p = at + digits;
        dst.putByte(--p, (byte) ('0' + Long.remainderUnsigned(v, 10)));
        v = Long.divideUnsigned(v, 10);
        while (v != 0) {
            dst.putByte(--p, (byte) ('0' + v % 10));
            v /= 10;
        }
        return at + digits;
    }

    static int hex(long value, MutableDirectBuffer dst, int at) {
        dst.putByte(at, (byte) '0');
        dst.putByte(at + 1, (byte) 'x');
        int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(value)) / 4);
        int p = at + 2;
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            dst.putByte(p++, HEX_LOWER[(int) (value >>> shift) & 0xf]);
        }
        return p;
    }

    private static int hexBytes(DirectBuffer src, int offset, int length, MutableDirectBuffer dst, int at) {
        int p = at;
        for (int i = 0; i < length; i++) {
            int b = src.getByte(offset + i) & 0xff;
            dst.putByte(p++, HEX_UPPER[b >> 4]);
            dst.putByte(p++, HEX_UPPER[b & 0xf]);
        }
        return p;
    }

    private static int hexDigits(long value, int digits, MutableDirectBuffer dst, int at) {
        for (int i = 0; i < digits; i++) {
            dst.putByte(at + i, HEX_UPPER[(int) (value >>> ((digits - 1 - i) * 4)) & 0xf]);
        }
        return at + digits;
    }

    private static int guid(DirectBuffer src, int offset, MutableDirectBuffer dst, int at) {
        int p = at;
        dst.putByte(p++, (byte) '{');
        p = hexDigits(src.getInt(offset, LE) & 0xffff_ffffL, 8, dst, p);
        dst.putByte(p++, (byte) '-');
        p = hexDigits(src.getShort(offset + 4, LE) & 0xffff, 4, dst, p);
        dst.putByte(p++, (byte) '-');
        p = hexDigits(src.getShort(offset + 6, LE) & 0xffff, 4, dst, p);
        dst.putByte(p++, (byte) '-');
        p = hexBytes(src, offset + 8, 2, dst, p);
        dst.putByte(p++, (byte) '-');
        p = hexBytes(src, offset + 10, 6, dst, p);
        dst.putByte(p++, (byte) '}');
        return p;
    }

    private static int sid(DirectBuffer src, int offset, int length, MutableDirectBuffer dst, int at) {
        if (length < 8) {
            return hexBytes(src, offset, length, dst, at);
        }
        int subAuthorities = src.getByte(offset + 1) & 0xff;
        int p = ascii("S-", dst, at);
        p = unsignedDecimal(src.getByte(offset) & 0xff, dst, p);
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = (authority << 8) | (src.getByte(offset + i) & 0xff);
        }
        dst.putByte(p++, (byte) '-');
        p = unsignedDecimal(authority, dst, p);
        for (int i = 0; i < subAuthorities && offset + 8 + 4 * i + 4 <= offset + length; i++) {
            dst.putByte(p++, (byte) '-');
            p = unsignedDecimal(src.getInt(offset + 8 + 4 * i, LE) & 0xffff_ffffL, dst, p);
        }
        return p;
    }

    /** FILETIME (100 ns ticks since 1601, UTC) as {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}. */
    static int filetime(long ticks, MutableDirectBuffer dst, int at) {
        long seconds = Long.divideUnsigned(ticks, 10_000_000L) - FILETIME_UNIX_EPOCH_SECONDS;
        long micros = Long.remainderUnsigned(ticks, 10_000_000L) / 10;
        long days = Math.floorDiv(seconds, 86_400L);
        long secondOfDay = Math.floorMod(seconds, 86_400L);
        int p = civilDate(days, dst, at);
        dst.putByte(p++, (byte) 'T');
        p = time((int) (secondOfDay / 3600), (int) (secondOfDay / 60 % 60), (int) (secondOfDay % 60), dst, p);
        dst.putByte(p++, (byte) '.');
        p = padded(micros, 6, dst, p);
        dst.putByte(p++, (byte) 'Z');
        return p;
    }

    private static int systemtime(DirectBuffer src, int offset, MutableDirectBuffer dst, int at) {
        int p = padded(u16(src, offset), 4, dst, at);
        dst.putByte(p++, (byte) '-');
        p = padded(u16(src, offset + 2), 2, dst, p);
        dst.putByte(p++, (byte) '-');
        p = padded(u16(src, offset + 6), 2, dst, p);
        dst.putByte(p++, (byte) 'T');
        p = time(u16(src, offset + 8), u16(src, offset + 10), u16(src, offset + 12), dst, p);
        dst.putByte(p++, (byte) '.');
        p = padded(u16(src, offset + 14), 3, dst, p);
        dst.putByte(p++, (byte) 'Z');
        return p;
    }

    private static int u16(DirectBuffer src, int offset) {
        return src.getShort(offset, LE) & 0xffff;
    }

    /** Days since 1970-01-01 to {@code yyyy-MM-dd} (proleptic Gregorian, H. Hinnant's civil_from_days). */
    private static int civilDate(long days, MutableDirectBuffer dst, int at) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        int p = year < 0 ? decimal(year, dst, at) : padded(year, 4, dst, at);
        dst.putByte(p++, (byte) '-');
        p = padded(month, 2, dst, p);
        dst.putByte(p++, (byte) '-');
        return padded(day, 2, dst, p);
    }

    private static int time(int hours, int minutes, int seconds, MutableDirectBuffer dst, int at) {
        int p = padded(hours, 2, dst, at);
        dst.putByte(p++, (byte) ':');
        p = padded(minutes, 2, dst, p);
        dst.putByte(p++, (byte) ':');
        return padded(seconds, 2, dst, p);
    }

    private static int padded(long value, int width, MutableDirectBuffer dst, int at) {
        int digits = 1;
        for (long v = value / 10; v != 0; v /= 10) {
            digits++;
        }
        int p = at;
        for (int i = digits; i < width; i++) {
            dst.putByte(p++, (byte) '0');
        }
        return unsignedDecimal(value, dst, p);
    }
}
