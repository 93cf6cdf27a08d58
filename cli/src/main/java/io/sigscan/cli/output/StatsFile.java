package io.sigscan.cli.output;

import static io.sigscan.cli.output.JsonText.appendString;

import java.util.Locale;

import io.sigscan.engine.ScanSummary;
import io.sigscan.engine.correlate.CorrelationStats;
import io.sigscan.rules.model.RuleInfo;

/**
 * The {@code --stats} document: one JSON object, keys in a fixed order, for dashboards and
 * cron jobs. Rates are rounded to three decimals; {@code matchesPerRule} lists only rules that
 * matched, most first, each with the id (when the rule has one), title and count. When correlation
 * rules ran, their counters and {@code alertsPerCorrelation} follow.
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
        json.append(report.tallies().isEmpty() ? "]" : "\n  ]");
        if (!report.correlations().isEmpty()) {
            appendCorrelations(json, report);
        }
        return json.append("\n}\n").toString();
    }

    /** Counters of correlation, and alerts per correlation rule (those that raised any), in rule order. */
    private static void appendCorrelations(StringBuilder json, HuntReport report) {
        CorrelationStats stats = report.correlationStats();
        json.append(",\n  \"correlationAlerts\": ").append(stats.alerts()).append(",\n");
        json.append("  \"correlationAlertsWritten\": ").append(stats.alertsWritten()).append(",\n");
        json.append("  \"matchesOnlyCorrelated\": ").append(stats.suppressedMatches()).append(",\n");
        json.append("  \"matchesWithoutTime\": ").append(stats.untimedMatches()).append(",\n");
        json.append("  \"matchesTooLate\": ").append(stats.lateMatches()).append(",\n");
        json.append("  \"windowEntriesDropped\": ").append(stats.droppedEntries()).append(",\n");
        json.append("  \"alertsPerCorrelation\": [");
        boolean first = true;
        for (int i = 0; i < report.correlations().size(); i++) {
            if (stats.alertsPerCorrelation()[i] == 0) {
                continue;
            }
            RuleInfo rule = report.correlations().get(i).info();
            json.append(first ? "\n" : ",\n").append("    {");
            first = false;
            if (rule.id() != null) {
                appendString(json.append("\"id\": "), rule.id()).append(", ");
            }
            appendString(json.append("\"title\": "), rule.displayName());
            json.append(", \"alerts\": ").append(stats.alertsPerCorrelation()[i]).append('}');
        }
        json.append(first ? "]" : "\n  ]");
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
