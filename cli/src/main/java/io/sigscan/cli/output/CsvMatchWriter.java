package io.sigscan.cli.output;

import java.io.Writer;

import io.sigscan.engine.Match;
import io.sigscan.engine.correlate.CorrelationAlert;
import io.sigscan.engine.correlate.EventRef;
import io.sigscan.rules.model.RuleInfo;

/**
 * RFC 4180 CSV: a header row, CRLF line ends, a field quoted when it holds a comma, quote, CR or
 * LF, quotes inside doubled. Absent values are empty fields; {@code line} is empty for binary
 * inputs. The event column holds the event's JSON; for a correlation alert, the rule columns are the
 * correlation rule's, file and offset those of the latest contributing event listed, and the event
 * column holds the {@code "correlation"} object of the JSON-lines output.
 */
final class CsvMatchWriter extends MatchWriter {
    static final String HEADER = "rule_id,title,level,author,file,offset,line,event\r\n";

    CsvMatchWriter(Writer out) {
        super(out);
    }

    @Override
    String header() {
        return HEADER;
    }

    @Override
    String format(Match match) {
        StringBuilder row = new StringBuilder(128 + match.eventJson().length() * 5 / 4);
        ruleFields(row, match.rule());
        field(row, match.file()).append(',');
        row.append(match.offset()).append(',');
        if (match.line() > 0) {
            row.append(match.line());
        }
        row.append(',');
        return field(row, match.eventJson()).append("\r\n").toString();
    }

    @Override
    String format(CorrelationAlert alert) {
        StringBuilder row = new StringBuilder(512);
        ruleFields(row, alert.rule().info());
        EventRef last = CorrelationJson.last(alert);
        field(row, last == null ? null : last.file()).append(',');
        if (last != null) {
            row.append(last.offset());
        }
        row.append(",,");
        return field(row, CorrelationJson.append(new StringBuilder(), alert).toString()).append("\r\n").toString();
    }

    private static void ruleFields(StringBuilder row, RuleInfo rule) {
        field(row, rule.id()).append(',');
        field(row, rule.title()).append(',');
        field(row, rule.level()).append(',');
        field(row, rule.author()).append(',');
    }

    static StringBuilder field(StringBuilder row, String value) {
        if (value == null) {
            return row;
        }
        if (!needsQuotes(value)) {
            return row.append(value);
        }
        row.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                row.append('"');
            }
            row.append(c);
        }
        return row.append('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
