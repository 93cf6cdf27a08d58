package io.sigscan.cli.profile;

import java.io.PrintWriter;
import java.util.Locale;

import io.sigscan.cli.output.JsonText;

/** Writes a {@link Profile} as an aligned table, as JSON, or as a self-contained HTML page. */
public enum ProfileWriter {
    TABLE {
        @Override
        public void write(Profile profile, int top, PrintWriter out) {
            out.printf(Locale.ROOT, "%12s %6s %11s %8s  %-60s %s%n", "ns/event", "share", "evaluated", "hits", "rule", "why");
            int shown = top == 0 ? profile.rules().size() : Math.min(top, profile.rules().size());
            for (RuleCost rule : profile.rules().subList(0, shown)) {
                out.printf(Locale.ROOT, "%12.1f %5.1f%% %11d %8d  %-60s %s%n", rule.nanosPerEvent(profile.events()),
                        share(rule.nanos(), profile), rule.evaluations(), rule.hits(), clip(rule.rule().title(), 60),
                        String.join("; ", rule.reasons()));
            }
            if (shown < profile.rules().size()) {
                out.printf(Locale.ROOT, "... %d cheaper rules not shown (--top 0 lists all)%n", profile.rules().size() - shown);
            }
            out.println();
            summary(profile, out);
        }
    },
    JSON {
        @Override
        public void write(Profile profile, int top, PrintWriter out) {
            StringBuilder json = new StringBuilder(256 + profile.rules().size() * 200);
            json.append("{\"files\":").append(profile.files())
                    .append(",\"bytes\":").append(profile.bytes())
                    .append(",\"events\":").append(profile.events())
                    .append(",\"measuredNanos\":").append(profile.measuredNanos())
                    .append(",\"readingNanos\":").append(profile.readingNanos())
                    .append(",\"candidateNanos\":").append(profile.candidateNanos())
                    .append(",\"rulesNanos\":").append(profile.rulesNanos())
                    .append(",\"matchNanos\":").append(profile.matchNanos())
                    .append(",\"clockNanos\":").append(profile.clockNanos())
                    .append(",\"discrepancy\":").append(String.format(Locale.ROOT, "%.4f", profile.discrepancy()))
                    .append(",\"margin\":").append(Profile.MARGIN)
                    .append(",\"rules\":[");
            for (int i = 0; i < profile.rules().size(); i++) {
                RuleCost rule = profile.rules().get(i);
                json.append(i == 0 ? "" : ",").append("{\"id\":");
                JsonText.appendString(json, rule.rule().id() == null ? "" : rule.rule().id());
                json.append(",\"title\":");
                JsonText.appendString(json, rule.rule().title() == null ? "" : rule.rule().title());
                json.append(",\"location\":");
                JsonText.appendString(json, rule.rule().location().toString());
                json.append(",\"nanos\":").append(rule.nanos())
                        .append(",\"nanosPerEvent\":").append(String.format(Locale.ROOT, "%.2f", rule.nanosPerEvent(profile.events())))
                        .append(",\"evaluations\":").append(rule.evaluations())
                        .append(",\"hits\":").append(rule.hits())
                        .append(",\"reasons\":[");
                for (int r = 0; r < rule.reasons().size(); r++) {
                    JsonText.appendString(json.append(r == 0 ? "" : ","), rule.reasons().get(r));
                }
                json.append("]}");
            }
            out.println(json.append("]}"));
        }
    },
    HTML {
        @Override
        public void write(Profile profile, int top, PrintWriter out) {
            out.println(ProfilePage.render(profile));
        }
    };

    /** Writes {@code profile}; a table lists the {@code top} costliest rules (0: all), other formats all. */
    public abstract void write(Profile profile, int top, PrintWriter out);

    /** The closing lines of the table: where the time went and how well the parts add up. */
    public static void summary(Profile profile, PrintWriter out) {
        out.printf(Locale.ROOT, "sample: %,d files, %,d bytes, %,d events%n", profile.files(), profile.bytes(), profile.events());
        out.printf(Locale.ROOT, "plain scan: %.1f ms = reading and projecting %.1f ms + choosing candidates %.1f ms"
                        + " + rules %.1f ms + recording matches %.1f ms (parts sum to %.1f ms, %+.1f%%; stated margin"
                        + " ±%.0f%%)%n",
                millis(profile.measuredNanos()), millis(profile.readingNanos()), millis(profile.candidateNanos()),
                millis(profile.rulesNanos()), millis(profile.matchNanos()), millis(profile.partsNanos()),
                profile.discrepancy() * 100, Profile.MARGIN * 100);
        if (!profile.withinMargin()) {
            out.println("note: the parts are outside the margin; profile a larger sample (a few seconds of scanning)"
                    + " on a quiet machine");
        }
    }

    static double share(long nanos, Profile profile) {
        return profile.partsNanos() == 0 ? 0 : 100.0 * nanos / profile.partsNanos();
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    static String clip(String text, int width) {
        String value = text == null ? "" : text;
        return value.length() <= width ? value : value.substring(0, width - 1) + "…";
    }
}
