package io.sigscan.rules.match;

import org.agrona.DirectBuffer;

import io.sigscan.rules.ir.ValueTest;

/**
 * Reads one part of an ISO 8601 timestamp in UTF-8 text without allocating:
 * {@code yyyy-MM-dd}, optionally followed by {@code T} or a space and {@code HH:mm[:ss[.fff...]]},
 * optionally followed by {@code Z} or an offset {@code ±HH[:mm]}. A timestamp with an offset is
 * converted to UTC first; one without is taken as UTC; a date alone is midnight. Dates are
 * proleptic Gregorian from year 1, as Python's; anything else (other layouts, impossible dates,
 * hour 24, second 60) is not a timestamp.
 */
final class TimestampText {
    /** Returned by {@link #part} for text that is not a timestamp. */
    static final long NOT_A_TIMESTAMP = Long.MIN_VALUE;

    private static final int MINUTES_PER_DAY = 24 * 60;

    private TimestampText() {
    }

    /** The {@code field} of the timestamp in the text, in UTC, or {@link #NOT_A_TIMESTAMP}. */
    static long part(ValueTest.TimeField field, DirectBuffer buffer, int offset, int length) {
        final int end = offset + length;
        if (length < 10 || buffer.getByte(offset + 4) != '-' || buffer.getByte(offset + 7) != '-') {
            return NOT_A_TIMESTAMP;
        }
        final int year = digits(buffer, offset, 4);
        final int month = digits(buffer, offset + 5, 2);
        final int day = digits(buffer, offset + 8, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return NOT_A_TIMESTAMP;
        }
        int i = offset + 10;
        int minuteOfDay = 0;
        if (i < end) {
            final byte separator = buffer.getByte(i);
            if ((separator != 'T' && separator != 't' && separator != ' ') || i + 6 > end || buffer.getByte(i + 3) != ':') {
                return NOT_A_TIMESTAMP;
            }
            final int hour = digits(buffer, i + 1, 2);
            final int minute = digits(buffer, i + 4, 2);
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
                return NOT_A_TIMESTAMP;
            }
            minuteOfDay = hour * 60 + minute;
            i += 6;
            if (i < end && buffer.getByte(i) == ':') {
                final int second = i + 3 <= end ? digits(buffer, i + 1, 2) : -1;
                if (second < 0 || second > 59) {
                    return NOT_A_TIMESTAMP;
                }
                i += 3;
                if (i < end && (buffer.getByte(i) == '.' || buffer.getByte(i) == ',')) {
                    final int fractionStart = ++i;
                    while (i < end && isDigit(buffer.getByte(i))) {
                        i++;
                    }
                    if (i == fractionStart) {
                        return NOT_A_TIMESTAMP;
                    }
                }
            }
            final int offsetMinutes = zoneOffset(buffer, i, end);
            if (offsetMinutes == Integer.MIN_VALUE) {
                return NOT_A_TIMESTAMP;
            }
            minuteOfDay -= offsetMinutes;
        }
        final long epochDay = epochDay(year, month, day) + Math.floorDiv(minuteOfDay, MINUTES_PER_DAY);
        final int minuteOfUtcDay = Math.floorMod(minuteOfDay, MINUTES_PER_DAY);
        switch (field) {
            case MINUTE:
                return minuteOfUtcDay % 60;
            case HOUR:
                return minuteOfUtcDay / 60;
            case WEEK:
                return isoWeek(epochDay);
            default:
                return civilPart(field, epochDay);
        }
    }

    /** Minutes east of UTC of the zone designator filling {@code [from, end)}; MIN_VALUE if malformed. */
    private static int zoneOffset(DirectBuffer buffer, int from, int end) {
        final int length = end - from;
        if (length == 0) {
            return 0;
        }
        final byte first = buffer.getByte(from);
        if (length == 1 && (first == 'Z' || first == 'z')) {
            return 0;
        }
        if ((first != '+' && first != '-') || (length != 3 && length != 5 && length != 6)) {
            return Integer.MIN_VALUE;
        }
        final int hours = digits(buffer, from + 1, 2);
        int minutes = 0;
        if (length == 5) {
            minutes = digits(buffer, from + 3, 2);
        } else if (length == 6) {
            minutes = buffer.getByte(from + 3) == ':' ? digits(buffer, from + 4, 2) : -1;
        }
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        final int total = hours * 60 + minutes;
        return first == '-' ? -total : total;
    }

    private static long civilPart(ValueTest.TimeField field, long epochDay) {
        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian).
        final long z = epochDay + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long dayOfEra = z - era * 146_097;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long shiftedMonth = (5 * dayOfYear + 2) / 153;
        final long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        final long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        switch (field) {
            case DAY:
                return day;
            case MONTH:
                return month;
            default:
                return year;
        }
    }

    /** ISO 8601 week of the year (1-53): the week's Thursday decides which year it belongs to. */
    private static long isoWeek(long epochDay) {
        final long dayOfWeek = Math.floorMod(epochDay + 3, 7); // Monday 0; 1970-01-01 was a Thursday
        final long thursday = epochDay - dayOfWeek + 3;
        final long year = civilPart(ValueTest.TimeField.YEAR, thursday);
        return (thursday - epochDay((int) year, 1, 1)) / 7 + 1;
    }

    /** Days from 1970-01-01 to the civil date (H. Hinnant's algorithm). */
    private static long epochDay(int year, int month, int day) {
        final long y = month <= 2 ? year - 1 : year;
        final long era = Math.floorDiv(y, 400);
        final long yearOfEra = y - era * 400;
        final long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        final long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2) {
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(DirectBuffer buffer, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            final byte b = buffer.getByte(i);
            if (!isDigit(b)) {
                return -1;
            }
            value = value * 10 + b - '0';
        }
        return value;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
