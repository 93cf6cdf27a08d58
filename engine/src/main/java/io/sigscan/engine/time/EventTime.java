package io.sigscan.engine.time;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sigscan.engine.json.MatchFields;
import io.sigscan.rules.event.FieldTable;

/**
 * When an event happened, in epoch milliseconds, read from its rendered JSON
 * ({@link io.sigscan.engine.Match#eventJson()}).
 *
 * <p><b>Fields.</b> The first of the fields that is present and holds a time wins; a field holding
 * something else (text, an object) is passed over. Names are those rules use, Windows flattening
 * included. The default order, {@link #DEFAULT_FIELDS}, puts the record's own time, which every
 * event of a source carries, before the times only some events have (Sysmon's {@code UtcTime}), so
 * that all events of one log are placed on one clock:
 * <ol>
 *   <li>{@code TimeCreated_SystemTime}: EVTX read by sigscan, evtx_dump JSON
 *       ({@code System.TimeCreated.#attributes.SystemTime}) and flattened exports;</li>
 *   <li>{@code Event.System.TimeCreated.SystemTime}: EVTX-shaped JSON writing the attribute as a child;</li>
 *   <li>{@code Event.System.TimeCreated_attributes.SystemTime}: python-evtx;</li>
 *   <li>{@code TimeCreated} as a plain value, {@code @timestamp} (Elastic, Winlogbeat), {@code timestamp},
 *       {@code UtcTime} (Sysmon), {@code EventTime} (NXLog).</li>
 * </ol>
 *
 * <p><b>Times.</b> ISO 8601 {@code yyyy-MM-dd}, {@code T} or a space, {@code HH:mm[:ss[.fraction]]}
 * (any number of fraction digits, cut to milliseconds), then a zone {@code Z}, {@code ±hh},
 * {@code ±hh:mm} or {@code ±hhmm}, or none, which means UTC (as Windows and Sysmon write these
 * fields; logs that mix zones need one anyway); or a number of epoch seconds, or of epoch
 * milliseconds when it is at least 10^11 (after 1973 in milliseconds, after 5138 in seconds). A date
 * alone places no event; as a window bound ({@link #parseBound}) it is its midnight, UTC.
 *
 * <p>An instance reads one event at a time: single-threaded, like the match stream.
 */
public final class EventTime {
    /** No time: the event has none of the fields, or none of them holds a time. */
    public static final long NONE = Long.MIN_VALUE;

    /** The fields read unless others are given; see the class comment for why in this order. */
    public static final List<String> DEFAULT_FIELDS = List.of("TimeCreated_SystemTime",
            "Event.System.TimeCreated.SystemTime", "Event.System.TimeCreated_attributes.SystemTime", "TimeCreated",
            "@timestamp", "timestamp", "UtcTime", "EventTime");

    private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt ](\\d{2}):(\\d{2})"
            + "(?::(\\d{2})(?:[.,](\\d+))?)?\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?)?$");
    private static final Pattern EPOCH = Pattern.compile("^\\d{1,16}(?:\\.\\d+)?$");
    private static final double EPOCH_MILLIS_FROM = 1e11;

    private final List<String> fields;
    private final int[] slots;
    private final MatchFields event;

    /** Reads an event's time from {@code fields}, tried in order. */
    public EventTime(List<String> fields) {
        this.fields = List.copyOf(fields);
        if (this.fields.isEmpty()) {
            throw new IllegalArgumentException("at least one time field is needed");
        }
        FieldTable.Builder table = newTable(this.fields);
        this.slots = this.fields.stream().mapToInt(table::add).toArray();
        this.event = new MatchFields(table.build());
    }

    /**
     * A field-table builder holding {@code fields} first, so that they have the same slots as in
     * an {@code EventTime} of the same fields: a reader that needs other fields of the same events
     * adds them, and passes its {@link MatchFields} over the built table to {@link #of(MatchFields)}
     * instead of having each event parsed twice.
     */
    public static FieldTable.Builder newTable(List<String> fields) {
        FieldTable.Builder table = FieldTable.builder();
        fields.forEach(table::add);
        return table;
    }

    /** The fields read, in order. */
    public List<String> fields() {
        return fields;
    }

    /** The time of the event {@code eventJson}, or {@link #NONE}. */
    public long of(String eventJson) {
        return event.read(eventJson) ? of(event) : NONE;
    }

    /**
     * The time of the event {@code event} has read, or {@link #NONE}; its table must have been
     * built from {@link #newTable} with this reader's fields.
     */
    public long of(MatchFields event) {
        for (int slot : slots) {
            String text = event.text(slot);
            if (text != null) {
                long time = parse(text);
                if (time != NONE) {
                    return time;
                }
            }
        }
        return NONE;
    }

    /** The time {@code text} holds as an event's time, or {@link #NONE}. */
    public static long parse(String text) {
        return parse(text, false);
    }

    /**
     * A bound of a time window as a person writes it, or {@link #NONE}: any time {@link #parse}
     * accepts, or a date alone, meaning its midnight UTC.
     */
    public static long parseBound(String text) {
        return parse(text, true);
    }

    private static long parse(String text, boolean dateAlone) {
        String trimmed = text.trim();
        Matcher iso = ISO.matcher(trimmed);
        if (iso.matches()) {
            return iso.group(4) != null || dateAlone ? iso(iso) : NONE;
        }
        if (EPOCH.matcher(trimmed).matches()) {
            double number = Double.parseDouble(trimmed);
            return number >= EPOCH_MILLIS_FROM ? (long) number : (long) (number * 1000);
        }
        return NONE;
    }

    private static long iso(Matcher iso) {
        try {
            LocalDateTime local = LocalDateTime.of(number(iso, 1), number(iso, 2), number(iso, 3), number(iso, 4),
                    number(iso, 5), number(iso, 6));
            String fraction = iso.group(7);
            long millis = fraction == null ? 0 : Long.parseLong((fraction + "00").substring(0, 3));
            return local.toInstant(offset(iso.group(8))).toEpochMilli() + millis;
        } catch (DateTimeException e) {
            return NONE;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() == 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** The group's number; 0 for an absent time part (a date alone is midnight, minutes alone :00). */
    private static int number(Matcher matcher, int group) {
        String digits = matcher.group(group);
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
