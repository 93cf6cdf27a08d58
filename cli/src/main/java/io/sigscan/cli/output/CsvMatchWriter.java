package io.sigscan.cli.output;

import java.io.Writer;

import io.sigscan.engine.Match;
import io.sigscan.rules.model.RuleInfo;

/**
 * RFC 4180 CSV: a header row, CRLF line ends, a field quoted when it holds a comma, quote, CR or
 * LF, quotes inside doubled. Absent values are empty fields; {@code line} is empty for binary
 * inputs. The event column holds the event's JSON.
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
        RuleInfo rule = match.rule();
        StringBuilder row = new StringBuilder(128 + match.eventJson().length() * 5 / 4);
        field(row, rule.id()).append(',');
        field(row, rule.title()).append(',');
        field(row, rule.level()).append(',');
        field(row, rule.author()).append(',');
        field(row, match.file()).append(',');
        row.append(match.offset()).append(',');
        if (match.line() > 0) {
            row.append(match.line());
        }
        row.append(',');
        return field(row, match.eventJson()).append("\r\n").toString();
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
