package io.sigscan.rules.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a YAML text into pieces that each hold whole documents: before every line that starts a
 * document ({@code ---} followed by a blank or the line end), which YAML forbids inside any
 * content, keeping {@code %} directive lines with the document they precede.
 */
final class YamlDocumentSplitter {

    private YamlDocumentSplitter() {
    }

    /** A piece of the text and the 0-based line it starts on in the whole text. */
    record Segment(String text, int firstLine) {
    }

    /** The pieces of {@code text}, in order; a text without document markers is one piece. */
    static List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        int segmentStart = 0;
        int segmentLine = 0;
        int directiveStart = -1;
        int directiveLine = -1;
        int line = 0;
        int position = 0;
        while (position < text.length()) {
            int end = text.indexOf('\n', position);
            int next = end < 0 ? text.length() : end + 1;
            if (isDocumentStart(text, position)) {
                int cut = directiveStart >= 0 ? directiveStart : position;
                int cutLine = directiveStart >= 0 ? directiveLine : line;
                if (cut > segmentStart) {
                    segments.add(new Segment(text.substring(segmentStart, cut), segmentLine));
                }
                segmentStart = cut;
                segmentLine = cutLine;
                directiveStart = -1;
            } else if (text.startsWith("%", position)) {
                if (directiveStart < 0) {
                    directiveStart = position;
                    directiveLine = line;
                }
            } else {
                directiveStart = -1;
            }
            position = next;
            line++;
        }
        if (segmentStart < text.length() || segments.isEmpty()) {
            segments.add(new Segment(text.substring(segmentStart), segmentLine));
        }
        return segments;
    }

    private static boolean isDocumentStart(String text, int position) {
        if (!text.startsWith("---", position)) {
            return false;
        }
        int after = position + 3;
        if (after >= text.length()) {
            return true;
        }
        char c = text.charAt(after);
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
