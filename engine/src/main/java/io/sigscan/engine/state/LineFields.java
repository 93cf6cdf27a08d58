package io.sigscan.engine.state;

/**
 * Percent-escaping for the tab-separated, line-oriented files of a state directory: tab, line
 * breaks and {@code %} are escaped, so that any text fits in one field of one line.
 */
public final class LineFields {

    private LineFields() {
    }

    public static String escape(String text) {
        return text.replace("%", "%25").replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D");
    }

    public static String unescape(String text) {
        return text.replace("%0D", "\r").replace("%0A", "\n").replace("%09", "\t").replace("%25", "%");
    }
}
