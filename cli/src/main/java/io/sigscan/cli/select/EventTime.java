package io.sigscan.cli.select;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an event happened, read from its JSON. The first of these fields present with a readable
 * time wins: {@code UtcTime} (Sysmon), {@code @timestamp} (Elastic, Winlogbeat), {@code EventTime}
 * (NXLog), {@code SystemTime} (the attribute of {@code TimeCreated}, as EVTX exports and sigscan's
 * own EVTX rendering carry it: {@code TimeCreated.SystemTime},
 * {@code Event.System.TimeCreated_attributes.SystemTime},
 * {@code TimeCreated.#attributes.SystemTime}), {@code TimeCreated} (a plain string), then
 * {@code TimeCreated_SystemTime} (flattened exports). Times are ISO 8601 with {@code T} or a space,
 * optional fraction, optional {@code Z} or offset; a time without a zone is UTC (Sysmon's
 * {@code UtcTime} is, and logs that mix zones need one anyway).
 */
public final class EventTime {
    static final List<String> FIELDS = List.of("UtcTime", "@timestamp", "EventTime", "SystemTime", "TimeCreated",
            "TimeCreated_SystemTime");

    private static final List<Pattern> FIELD_PATTERNS = FIELDS.stream()
            .map(field -> Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"\\\\]{1,64})\""))
            .toList();

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter();

    private EventTime() {
    }

    /** The event's time, or null when none of the fields holds a readable time. */
    public static Instant of(String eventJson) {
        for (Pattern pattern : FIELD_PATTERNS) {
            Matcher matcher = pattern.matcher(eventJson);
            while (matcher.find()) {
                Instant time = parse(matcher.group(1));
                if (time != null) {
                    return time;
                }
            }
        }
        return null;
    }

    /** A time as written in logs or on the command line, or null when it is not one. */
    public static Instant parse(String text) {
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            // No zone, or not ISO with a 'T': try as UTC below.
        }
        try {
            return LocalDateTime.parse(trimmed, LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // A bare date, as --from 2024-05-01 gives.
        }
        try {
            return java.time.LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
