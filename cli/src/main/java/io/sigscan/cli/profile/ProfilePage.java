package io.sigscan.cli.profile;

import java.util.Locale;

/**
 * The profile as one HTML page with inline CSS and SVG, no scripts and no network: a stacked
 * bar of where the scan's time goes, a bar chart of the costliest rules, and every rule in a
 * table.
 */
final class ProfilePage {
    private static final int CHART_RULES = 25;
    private static final int WIDTH = 900;

    private ProfilePage() {
    }

    static String render(Profile profile) {
        StringBuilder html = new StringBuilder(8192 + profile.rules().size() * 300);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>sigscan rule profile</title>\n")
                .append("<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}td.l,th.l{text-align:left}")
                .append(".why{color:#a33}</style></head><body>\n")
                .append("<h1>Rule cost profile</h1>\n<p>");
        html.append(escape(String.format(Locale.ROOT, "%,d events, %,d bytes in %,d files. Plain scan %.1f ms; parts sum to"
                        + " %.1f ms (%+.1f%%, stated margin ±%.0f%%).", profile.events(), profile.bytes(), profile.files(),
                ProfileWriter.millis(profile.measuredNanos()), ProfileWriter.millis(profile.partsNanos()),
                profile.discrepancy() * 100, Profile.MARGIN * 100)));
        html.append("</p>\n<h2>Where the time goes</h2>\n");
        stackedBar(profile, html);
        html.append("<h2>Costliest rules</h2>\n");
        ruleBars(profile, html);
        html.append("<h2>All rules</h2>\n<table><tr><th>ns/event</th><th>share</th><th>evaluated</th><th>hits</th>")
                .append("<th class=\"l\">rule</th><th class=\"l\">why</th></tr>\n");
        for (RuleCost rule : profile.rules()) {
            html.append(String.format(Locale.ROOT, "<tr><td>%.1f</td><td>%.1f%%</td><td>%d</td><td>%d</td>",
                    rule.nanosPerEvent(profile.events()), ProfileWriter.share(rule.nanos(), profile), rule.evaluations(),
                    rule.hits()));
            html.append("<td class=\"l\" title=\"").append(escape(rule.rule().location().toString())).append("\">")
                    .append(escape(rule.rule().title())).append("</td><td class=\"l why\">")
                    .append(escape(String.join("; ", rule.reasons()))).append("</td></tr>\n");
        }
        return html.append("</table>\n</body></html>").toString();
    }

    private static void stackedBar(Profile profile, StringBuilder html) {
        long[] parts = {profile.readingNanos(), profile.candidateNanos(), profile.rulesNanos(), profile.matchNanos()};
        String[] names = {"reading and projecting", "choosing candidates", "rules", "recording matches"};
        String[] colours = {"#7aa6c2", "#e3b04b", "#c2553a", "#8a7bb0"};
        double total = Math.max(1, profile.partsNanos());
        html.append("<svg width=\"").append(WIDTH).append("\" height=\"60\" role=\"img\">");
        double x = 0;
        for (int i = 0; i < parts.length; i++) {
            double width = WIDTH * parts[i] / total;
            html.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"30\" fill=\"%s\">"
                    + "<title>%s: %.1f ms</title></rect>", x, width, colours[i], names[i], ProfileWriter.millis(parts[i])));
            html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"48\" font-size=\"12\">%s %.0f%%</text>", x + 2,
                    names[i], 100 * parts[i] / total));
            x += width;
        }
        html.append("</svg>\n");
    }

    private static void ruleBars(Profile profile, StringBuilder html) {
        int shown = Math.min(CHART_RULES, profile.rules().size());
        long most = shown == 0 ? 1 : Math.max(1, profile.rules().get(0).nanos());
        int label = 420;
        html.append("<svg width=\"").append(WIDTH).append("\" height=\"").append(shown * 20 + 10).append("\" role=\"img\">");
        for (int i = 0; i < shown; i++) {
            RuleCost rule = profile.rules().get(i);
            double width = (WIDTH - label - 80) * (double) rule.nanos() / most;
            int y = i * 20;
            html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>",
                    label - 6, y + 14, escape(ProfileWriter.clip(rule.rule().title(), 60))));
            html.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"#c2553a\">"
                    + "<title>%s</title></rect>", label, y + 2, width, escape(String.join("; ", rule.reasons()))));
            html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%.0f ns/event</text>",
                    label + width + 4, y + 14, rule.nanosPerEvent(profile.events())));
        }
        html.append("</svg>\n");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
