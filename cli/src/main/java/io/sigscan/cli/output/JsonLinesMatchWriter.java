package io.sigscan.cli.output;

import static io.sigscan.cli.output.JsonText.appendString;

import java.io.Writer;
import java.util.IdentityHashMap;
import java.util.Map;

import io.sigscan.engine.Match;
import io.sigscan.engine.correlate.CorrelationAlert;
import io.sigscan.rules.model.RuleInfo;

/**
 * One object per match and line, keys always in this order:
 * {@code {"rule":{"id","title","level","author","tags":[...]},"source":{"file","offset","line","record"},"event":{...}}}.
 * Output is null-free: a rule field the rule does not set is left out, {@code tags} is always
 * present (possibly empty), {@code line} only for text inputs and {@code record} only for EVTX.
 * A correlation alert is {@code {"rule":{...},"correlation":{...}}}, the rule object being the
 * correlation rule's and the correlation object as {@link CorrelationJson} writes it.
 */
final class JsonLinesMatchWriter extends MatchWriter {
    private static final String LINE_END = "}\n";

    /** Each rule's {@code {"rule":{...}}} text, built on its first match. */
    private final Map<RuleInfo, String> ruleParts = new IdentityHashMap<>();
    /** The last file name and its JSON string: matches come file by file. */
    private String lastFile;
    private String lastFileJson;

    JsonLinesMatchWriter(Writer out) {
        super(out);
    }

    @Override
    String header() {
        return "";
    }

    @Override
    String format(Match match) {
        return rulePart(match.rule()) + sourcePart(match) + match.eventJson() + LINE_END;
    }

    /**
     * The same text as {@link #format(Match)}, written in pieces: a hunt over attack samples can
     * match a third of its events, each line as long as its event, and this runs on the one
     * thread that writes in order — so the event is not copied into a line first, and each
     * rule's object is built once.
     */
    @Override
    void writeMatch(Match match) {
        write(rulePart(match.rule()));
        write(sourcePart(match));
        write(match.eventJson());
        write(LINE_END);
    }

    private String rulePart(RuleInfo rule) {
        return ruleParts.computeIfAbsent(rule, info -> {
            StringBuilder part = new StringBuilder(256);
            appendRule(part, info);
            return part.toString();
        });
    }

    /** {@code ,"source":{...},"event":} */
    private String sourcePart(Match match) {
        if (!match.file().equals(lastFile)) {
            lastFile = match.file();
            lastFileJson = appendString(new StringBuilder(), lastFile).toString();
        }
        StringBuilder part = new StringBuilder(96 + lastFileJson.length());
        part.append(",\"source\":{\"file\":").append(lastFileJson).append(",\"offset\":").append(match.offset());
        if (match.line() > 0) {
            part.append(",\"line\":").append(match.line());
        }
        if (match.record() > 0) {
            part.append(",\"record\":").append(match.record());
        }
        return part.append("},\"event\":").toString();
    }

    @Override
    String format(CorrelationAlert alert) {
        StringBuilder line = new StringBuilder(512);
        appendRule(line, alert.rule().info());
        CorrelationJson.append(line.append(",\"correlation\":"), alert);
        return line.append("}\n").toString();
    }

    /** Opens the line and writes its {@code "rule"} object. */
    private static void appendRule(StringBuilder line, RuleInfo rule) {
        line.append("{\"rule\":{");
        boolean first = optional(line, true, "id", rule.id());
        first = optional(line, first, "title", rule.title());
        first = optional(line, first, "level", rule.level());
        first = optional(line, first, "author", rule.author());
        if (!first) {
            line.append(',');
        }
        line.append("\"tags\":[");
        for (int i = 0; i < rule.tags().size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendString(line, rule.tags().get(i));
        }
        line.append("]}");
    }

    /** Appends {@code "key":"value"} unless the value is absent; returns whether nothing was written yet. */
    private static boolean optional(StringBuilder line, boolean first, String key, String value) {
        if (value == null) {
            return first;
        }
        if (!first) {
            line.append(',');
        }
        line.append('"').append(key).append("\":");
        appendString(line, value);
        return false;
    }
}
