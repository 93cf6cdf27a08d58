package io.sigscan.cli.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sigscan.cli.select.EventTime;
import io.sigscan.engine.Match;
import io.sigscan.engine.MatchHandler;
import io.sigscan.engine.ScanSummary;

/**
 * The {@code --report} page: one self-contained HTML file (inline CSS and SVG, nothing fetched) with
 * the run's statistics, hits per hour (per day when they span more than ten days), the rules and
 * the hosts with most hits. Collects per match only counters, so memory grows with distinct hours
 * and hosts, never with matches. Hosts come from {@code Computer}, {@code host.name} (flat or
 * nested), or {@code Hostname}.
 */
public final class HtmlReport implements MatchHandler {
    static final int TOP = 20;
    private static final int MAX_HOURLY_BARS = 240;
    private static final List<Pattern> HOST_PATTERNS = List.of(
            Pattern.compile("\"Computer\"\\s*:\\s*\"([^\"\\\\]{1,256})\""),
            Pattern.compile("\"host\\.name\"\\s*:\\s*\"([^\"\\\\]{1,256})\""),
            Pattern.compile("\"host\"\\s*:\\s*\\{[^{}]*?\"name\"\\s*:\\s*\"([^\"\\\\]{1,256})\""),
            Pattern.compile("\"Hostname\"\\s*:\\s*\"([^\"\\\\]{1,256})\""));
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final TreeMap<Long, Long> perHour = new TreeMap<>();
    private final Map<String, Long> perHost = new HashMap<>();
    private long untimed;
    private long unhosted;

    @Override
    public void onMatch(Match match) {
        Instant time = EventTime.of(match.eventJson());
        if (time == null) {
            untimed++;
        } else {
            perHour.merge(time.getEpochSecond() / 3600, 1L, Long::sum);
        }
        String host = host(match.eventJson());
        if (host == null) {
            unhosted++;
        } else {
            perHost.merge(host, 1L, Long::sum);
        }
    }

    static String host(String eventJson) {
        for (Pattern pattern : HOST_PATTERNS) {
            Matcher matcher = pattern.matcher(eventJson);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    /** The page for a run whose totals are {@code report}. */
    public String html(HuntReport report, Instant generated) {
        ScanSummary scan = report.scan();
        StringBuilder page = new StringBuilder(16 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>sigscan report</title>\n<style>\n")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}\n")
                .append("h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}\n")
                .append("table{border-collapse:collapse}td,th{padding:2px 10px;text-align:left}\n")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append(".bar{background:#c0392b;height:10px;display:inline-block}\n")
                .append("svg text{font-size:10px;fill:#555}\n</style></head><body>\n");
        page.append("<h1>sigscan hunt report</h1>\n<p>Generated ")
                .append(escape(DateTimeFormatter.ISO_INSTANT.format(generated))).append("</p>\n");
        page.append("<h2>Run</h2>\n<table>\n");
        row(page, "files", String.format(Locale.ROOT, "%,d", scan.files()));
        row(page, "bytes", String.format(Locale.ROOT, "%,d", scan.bytes()));
        row(page, "events", String.format(Locale.ROOT, "%,d", scan.events()));
        row(page, "matches", String.format(Locale.ROOT, "%,d", scan.matches()));
        row(page, "input errors", String.format(Locale.ROOT, "%,d", scan.errors()));
        row(page, "rules loaded / rejected", report.rulesLoaded() + " / " + report.rulesRejected());
        row(page, "seconds", String.format(Locale.ROOT, "%.2f", scan.seconds()));
        row(page, "throughput", String.format(Locale.ROOT, "%.1f MB/s, %,.0f events/s (%d threads)",
                report.megabytesPerSecond(), report.eventsPerSecond(), report.threads()));
        page.append("</table>\n");
        page.append("<h2>Hits over time (UTC)</h2>\n");
        appendTimeline(page);
        page.append("<h2>Top rules</h2>\n");
        List<String[]> rules = new ArrayList<>();
        for (RuleTally tally : report.tallies()) {
            rules.add(new String[] {tally.rule().level() == null ? "-" : tally.rule().level(),
                tally.rule().displayName(), Long.toString(tally.matches())});
        }
        appendTop(page, rules, "level", "rule");
        page.append("<h2>Top hosts</h2>\n");
        List<Map.Entry<String, Long>> hosts = new ArrayList<>(perHost.entrySet());
        hosts.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String[]> hostRows = new ArrayList<>();
        for (Map.Entry<String, Long> host : hosts) {
            hostRows.add(new String[] {"", host.getKey(), Long.toString(host.getValue())});
        }
        appendTop(page, hostRows, "", "host");
        if (unhosted > 0) {
            page.append("<p>").append(unhosted).append(" matches without a host field.</p>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    private void appendTimeline(StringBuilder page) {
        if (perHour.isEmpty()) {
            page.append("<p>No match with an event time.</p>\n");
            appendUntimed(page);
            return;
        }
        long first = perHour.firstKey();
        long last = perHour.lastKey();
        boolean daily = last - first + 1 > MAX_HOURLY_BARS;
        TreeMap<Long, Long> buckets = new TreeMap<>();
        for (Map.Entry<Long, Long> hour : perHour.entrySet()) {
            buckets.merge(daily ? hour.getKey() / 24 : hour.getKey(), hour.getValue(), Long::sum);
        }
        long start = buckets.firstKey();
        int count = (int) Math.min(buckets.lastKey() - start + 1, 10_000);
        long max = buckets.values().stream().mapToLong(Long::longValue).max().orElse(1);
        int barWidth = Math.max(2, Math.min(24, 960 / count));
        int width = count * barWidth + 60;
        page.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"170\" role=\"img\" aria-label=\"hits per ").append(daily ? "day" : "hour")
                .append("\">\n");
        for (int i = 0; i < count; i++) {
            long hits = buckets.getOrDefault(start + i, 0L);
            if (hits == 0) {
                continue;
            }
            long height = Math.max(1, Math.round(140.0 * hits / max));
            Instant at = Instant.ofEpochSecond((start + i) * (daily ? 86_400 : 3_600));
            page.append("<rect x=\"").append(50 + i * barWidth).append("\" y=\"").append(145 - height)
                    .append("\" width=\"").append(Math.max(1, barWidth - 1)).append("\" height=\"").append(height)
                    .append("\" fill=\"#c0392b\"><title>").append((daily ? DAY : HOUR).format(at)).append(": ")
                    .append(hits).append("</title></rect>\n");
        }
        page.append("<text x=\"0\" y=\"12\">").append(max).append("</text>\n")
                .append("<text x=\"50\" y=\"162\">").append((daily ? DAY : HOUR)
                        .format(Instant.ofEpochSecond(start * (daily ? 86_400 : 3_600)))).append("</text>\n")
                .append("<text x=\"").append(Math.max(50, width - 110)).append("\" y=\"162\">")
                .append((daily ? DAY : HOUR).format(Instant.ofEpochSecond((start + count - 1)
                        * (daily ? 86_400 : 3_600)))).append("</text>\n</svg>\n");
        page.append("<p>Hits per ").append(daily ? "day" : "hour").append(" over ").append(last - first + 1)
                .append(" hours.</p>\n");
        appendUntimed(page);
    }

    private void appendUntimed(StringBuilder page) {
        if (untimed > 0) {
            page.append("<p>").append(untimed).append(" matches without a readable event time.</p>\n");
        }
    }

    private static void appendTop(StringBuilder page, List<String[]> rows, String first, String name) {
        if (rows.isEmpty()) {
            page.append("<p>None.</p>\n");
            return;
        }
        long max = Long.parseLong(rows.get(0)[2]);
        page.append("<table>\n<tr>").append(first.isEmpty() ? "" : "<th>" + first + "</th>").append("<th>")
                .append(name).append("</th><th>hits</th><th></th></tr>\n");
        for (int i = 0; i < rows.size() && i < TOP; i++) {
            String[] row = rows.get(i);
            long hits = Long.parseLong(row[2]);
            page.append("<tr>").append(first.isEmpty() ? "" : "<td>" + escape(row[0]) + "</td>").append("<td>")
                    .append(escape(row[1])).append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%,d", hits))
                    .append("</td><td><span class=\"bar\" style=\"width:").append(Math.max(1, 300 * hits / max))
                    .append("px\"></span></td></tr>\n");
        }
        page.append("</table>\n");
        if (rows.size() > TOP) {
            page.append("<p>and ").append(rows.size() - TOP).append(" more.</p>\n");
        }
    }

    private static void row(StringBuilder page, String name, String value) {
        page.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
