package io.sigscan.engine.correlate;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event times as logs write them, to epoch milliseconds: ISO 8601 with {@code T} or a space
 * ({@code 2025-11-27T07:40:10.165324Z}, Sysmon's {@code 2025-11-27 07:40:10.132}), a zone
 * {@code Z}, {@code ±hh:mm} or {@code ±hhmm} or none (UTC, as Windows writes these fields), any
 * number of fraction digits (cut to milliseconds); or a plain number of epoch seconds, or of epoch
 * milliseconds when it is at least 10^11 (after 1973 in milliseconds, after 5138 in seconds).
 */
final class EventTimeParser {
    static final long NO_TIME = Long.MIN_VALUE;

    private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})"
            + "(?:[.,](\\d{1,9}))?\\s*(Z|z|[+-]\\d{2}:?\\d{2})?$");
    private static final Pattern EPOCH = Pattern.compile("^\\d{1,16}(?:\\.\\d+)?$");
    private static final double EPOCH_MILLIS_FROM = 1e11;

    private EventTimeParser() {
    }

    /** The time in epoch milliseconds, or {@link #NO_TIME} when {@code text} is no time. */
    static long parse(String text) {
        String trimmed = text.trim();
        Matcher iso = ISO.matcher(trimmed);
        if (iso.matches()) {
            return iso(iso);
        }
        if (EPOCH.matcher(trimmed).matches()) {
            double number = Double.parseDouble(trimmed);
            return number >= EPOCH_MILLIS_FROM ? (long) number : (long) (number * 1000);
        }
        return NO_TIME;
    }

    private static long iso(Matcher iso) {
        try {
            LocalDateTime local = LocalDateTime.of(number(iso, 1), number(iso, 2), number(iso, 3), number(iso, 4),
                    number(iso, 5), number(iso, 6));
            String fraction = iso.group(7);
            long millis = 0;
            if (fraction != null) {
                millis = Long.parseLong((fraction + "00").substring(0, 3));
            }
            return local.toInstant(offset(iso.group(8))).toEpochMilli() + millis;
        } catch (DateTimeException e) {
            return NO_TIME;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = Integer.parseInt(digits.substring(3, 5));
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }
}
