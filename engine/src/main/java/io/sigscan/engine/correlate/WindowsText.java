package io.sigscan.engine.correlate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.sigscan.engine.state.LineFields;
import io.sigscan.rules.model.CorrelationRule;

/**
 * The open correlation windows as text, carried from one scheduled run to the next: a version
 * line, then one line per open group, each followed by one line per window entry. Texts are
 * percent-escaped; a missing value is {@code -}, a present one {@code =} followed by the text.
 *
 * <pre>
 * sigscan-windows 1
 * group	CORRELATION	VALUE...
 * entry	TIME	SLOT	VALUE	NUMBER	EVENT_COUNT	[OFFSET	FILE]...
 * </pre>
 *
 * <p>A correlation is named by its id, else its name, else its title. Groups of correlations that
 * are no longer loaded (or whose name is now ambiguous, or whose group-by or rules changed) are
 * left out when read: the rule set changed, their windows no longer apply.
 */
final class WindowsText {
    static final String VERSION_LINE = "sigscan-windows 1";
    private static final String MISSING = "-";
    private static final String PRESENT = "=";

    /** One group's window, for correlation {@code correlation} (its index in load order). */
    record Window(int correlation, List<String> key, List<WindowEntry> entries) {
    }

    private WindowsText() {
    }

    static String format(List<CorrelationRule> rules, CorrelationState[] states) {
        StringBuilder text = new StringBuilder(VERSION_LINE).append('\n');
        for (int c = 0; c < states.length; c++) {
            for (Map.Entry<List<String>, List<WindowEntry>> group : states[c].openWindows().entrySet()) {
                text.append("group\t").append(LineFields.escape(nameOf(rules.get(c))));
                for (String value : group.getKey()) {
                    text.append('\t').append(field(value));
                }
                text.append('\n');
                for (WindowEntry entry : group.getValue()) {
                    text.append("entry\t").append(entry.time()).append('\t').append(entry.slot()).append('\t')
                            .append(field(entry.value())).append('\t').append(entry.number()).append('\t')
                            .append(entry.eventCount());
                    for (EventRef event : entry.events()) {
                        text.append('\t').append(event.offset()).append('\t').append(LineFields.escape(event.file()));
                    }
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    /**
     * The windows of {@code text} that still apply to {@code rules}.
     *
     * @throws IllegalArgumentException naming the line, when the text is damaged or of another version
     */
    static List<Window> parse(String text, List<CorrelationRule> rules) {
        Map<String, Integer> byName = new HashMap<>();
        for (int c = 0; c < rules.size(); c++) {
            Integer before = byName.putIfAbsent(nameOf(rules.get(c)), c);
            if (before != null) {
                byName.put(nameOf(rules.get(c)), -1);
            }
        }
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(VERSION_LINE)) {
            throw new IllegalArgumentException("line 1: expected '" + VERSION_LINE + "', found '" + lines[0] + "'");
        }
        List<Window> windows = new ArrayList<>();
        int correlation = -1;
        List<String> key = null;
        List<WindowEntry> entries = null;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] fields = lines[i].split("\t", -1);
            try {
                if (fields[0].equals("group") && fields.length >= 2) {
                    keep(windows, correlation, key, entries);
                    correlation = byName.getOrDefault(LineFields.unescape(fields[1]), -1);
                    key = Arrays.asList(values(fields, 2, fields.length));
                    entries = new ArrayList<>();
                    if (correlation >= 0 && key.size() != rules.get(correlation).groupBy().size()) {
                        correlation = -1;
                    }
                } else if (fields[0].equals("entry") && fields.length >= 6 && fields.length % 2 == 0
                        && entries != null) {
                    WindowEntry entry = entry(fields);
                    if (correlation >= 0 && entry.slot() >= rules.get(correlation).rules().size()) {
                        correlation = -1;
                    }
                    entries.add(entry);
                } else {
                    throw new IllegalArgumentException("not a 'group' line, or an 'entry' line of 6 fields"
                            + " and (offset, file) pairs after a 'group' line");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        keep(windows, correlation, key, entries);
        return windows;
    }

    private static void keep(List<Window> windows, int correlation, List<String> key, List<WindowEntry> entries) {
        if (correlation >= 0 && !entries.isEmpty()) {
            windows.add(new Window(correlation, key, entries));
        }
    }

    private static WindowEntry entry(String[] fields) {
        long time = Long.parseLong(fields[1]);
        int slot = Math.toIntExact(nonNegative(fields[2]));
        String value = values(fields, 3, 4)[0];
        double number = Double.parseDouble(fields[4]);
        int eventCount = Math.toIntExact(nonNegative(fields[5]));
        List<EventRef> events = new ArrayList<>();
        for (int f = 6; f < fields.length; f += 2) {
            events.add(new EventRef(LineFields.unescape(fields[f + 1]), nonNegative(fields[f])));
        }
        return new WindowEntry(time, slot, value, number, List.copyOf(events), eventCount);
    }

    private static String[] values(String[] fields, int from, int to) {
        String[] values = new String[to - from];
        for (int f = from; f < to; f++) {
            if (fields[f].equals(MISSING)) {
                values[f - from] = null;
            } else if (fields[f].startsWith(PRESENT)) {
                values[f - from] = LineFields.unescape(fields[f].substring(PRESENT.length()));
            } else {
                throw new IllegalArgumentException("a value is '-' or starts with '=', not '" + fields[f] + "'");
            }
        }
        return values;
    }

    private static String field(String value) {
        return value == null ? MISSING : PRESENT + LineFields.escape(value);
    }

    private static long nonNegative(String field) {
        long value = Long.parseLong(field);
        if (value < 0) {
            throw new IllegalArgumentException("negative number " + value);
        }
        return value;
    }

    private static String nameOf(CorrelationRule rule) {
        String id = rule.info().id();
        String name = rule.info().name();
        return id != null ? id : name != null ? name : String.valueOf(rule.info().title());
    }
}
