package io.sigscan.cli.output;

import java.io.Writer;
import java.util.Locale;

import io.sigscan.engine.Match;
import io.sigscan.engine.correlate.CorrelationAlert;
import io.sigscan.engine.correlate.EventRef;
import io.sigscan.rules.model.RuleInfo;

/**
 * Fixed-width columns so that rows align while streaming (no need to see every match first):
 * level, rule title, where (file name and line, or byte offset, or EVTX record) and a one-line
 * event summary. Long cells are cut with {@code ...}; control characters become spaces. A
 * correlation alert shows where its latest listed event is, and what it counted for which group.
 */
final class TableMatchWriter extends MatchWriter {
    private static final int LEVEL = 8;
    private static final int RULE = 50;
    private static final int SOURCE = 28;
    private static final int EVENT = 90;
    private static final String ROW = "%-" + LEVEL + "s %-" + RULE + "s %-" + SOURCE + "s %s\n";

    TableMatchWriter(Writer out) {
        super(out);
    }

    @Override
    String header() {
        return String.format(Locale.ROOT, ROW, "LEVEL", "RULE", "SOURCE", "EVENT");
    }

    @Override
    String format(Match match) {
        RuleInfo rule = match.rule();
        return String.format(Locale.ROOT, ROW,
                cut(rule.level() == null ? "-" : rule.level(), LEVEL),
                cut(rule.displayName(), RULE),
                cutLeft(where(match), SOURCE),
                cut(EventSummary.of(match.eventJson()), EVENT));
    }

    @Override
    String format(CorrelationAlert alert) {
        RuleInfo rule = alert.rule().info();
        EventRef last = CorrelationJson.last(alert);
        return String.format(Locale.ROOT, ROW,
                cut(rule.level() == null ? "-" : rule.level(), LEVEL),
                cut(rule.displayName(), RULE),
                cutLeft(last == null ? "-" : fileName(last.file()) + "@" + last.offset(), SOURCE),
                cut(CorrelationJson.summary(alert), EVENT));
    }

    private static String fileName(String file) {
        return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    }

    private static String where(Match match) {
        String name = fileName(match.file());
        if (match.record() > 0) {
            return name + "#" + match.record();
        }
        return match.line() > 0 ? name + ":" + match.line() : name + "@" + match.offset();
    }

    /** Keeps the start: titles and summaries say the important part first. */
    static String cut(String text, int width) {
        String clean = printable(text);
        return clean.length() <= width ? clean : clean.substring(0, width - 3) + "...";
    }

    /** Keeps the end: for a source, the line number matters more than the file name's start. */
    static String cutLeft(String text, int width) {
        String clean = printable(text);
        return clean.length() <= width ? clean : "..." + clean.substring(clean.length() - (width - 3));
    }

    private static String printable(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                if (clean == null) {
                    clean = new StringBuilder(text);
                }
                clean.setCharAt(i, ' ');
            }
        }
        return clean == null ? text : clean.toString();
    }
}
