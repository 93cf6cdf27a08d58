package io.sigscan.cli.output;

import static io.sigscan.cli.output.JsonText.appendString;

import java.util.Locale;

import io.sigscan.engine.ScanSummary;
import io.sigscan.rules.model.RuleInfo;

/**
 * The {@code --stats} document: one JSON object, keys in a fixed order, for dashboards and
 * cron jobs. Rates are rounded to three decimals; {@code matchesPerRule} lists only rules that
 * matched, most first, each with the id (when the rule has one), title and count.
 */
public final class StatsFile {

    private StatsFile() {
    }

    public static String json(HuntReport report) {
        ScanSummary scan = report.scan();
        StringBuilder json = new StringBuilder(512);
        json.append("{\n");
        json.append("  \"files\": ").append(scan.files()).append(",\n");
        json.append("  \"bytes\": ").append(scan.bytes()).append(",\n");
        json.append("  \"events\": ").append(scan.events()).append(",\n");
        json.append("  \"matches\": ").append(scan.matches()).append(",\n");
        json.append("  \"errors\": ").append(scan.errors()).append(",\n");
        json.append("  \"rulesLoaded\": ").append(report.rulesLoaded()).append(",\n");
        json.append("  \"rulesRejected\": ").append(report.rulesRejected()).append(",\n");
        json.append("  \"ruleWarnings\": ").append(report.ruleWarnings()).append(",\n");
        json.append("  \"threads\": ").append(report.threads()).append(",\n");
        json.append("  \"seconds\": ").append(decimal(scan.seconds())).append(",\n");
        json.append("  \"eventsPerSecond\": ").append(decimal(report.eventsPerSecond())).append(",\n");
        json.append("  \"megabytesPerSecond\": ").append(decimal(report.megabytesPerSecond())).append(",\n");
        json.append("  \"matchesPerRule\": [");
        for (int i = 0; i < report.tallies().size(); i++) {
            RuleTally tally = report.tallies().get(i);
            RuleInfo rule = tally.rule();
            json.append(i == 0 ? "\n" : ",\n").append("    {");
            if (rule.id() != null) {
                appendString(json.append("\"id\": "), rule.id()).append(", ");
            }
            appendString(json.append("\"title\": "), rule.displayName());
            json.append(", \"matches\": ").append(tally.matches()).append('}');
        }
        json.append(report.tallies().isEmpty() ? "]\n" : "\n  ]\n");
        return json.append("}\n").toString();
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
