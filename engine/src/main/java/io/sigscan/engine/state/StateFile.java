package io.sigscan.engine.state;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The state file's text: a version line, then one tab-separated line per file and per rename
 * still to finish. Names are percent-escaped (tab, line breaks, {@code %}) so one entry is one line.
 *
 * <pre>
 * sigscan-state 1
 * file	KEY	OFFSET	LINE_BREAKS	FINGERPRINT_LENGTH	FINGERPRINT	NAME
 * publish	TEMPORARY	TARGET
 * </pre>
 */
final class StateFile {
    static final String VERSION_LINE = "sigscan-state 1";

    record Content(ScanState state, List<StateStore.Publish> publishes) {
    }

    private StateFile() {
    }

    static String format(ScanState state, List<StateStore.Publish> publishes) {
        StringBuilder text = new StringBuilder(VERSION_LINE).append('\n');
        for (FileState file : state.files()) {
            text.append("file\t").append(escape(file.key())).append('\t').append(file.offset()).append('\t')
                    .append(file.lineBreaks()).append('\t').append(file.fingerprintLength()).append('\t')
                    .append(file.fingerprint()).append('\t').append(escape(file.name())).append('\n');
        }
        for (StateStore.Publish publish : publishes) {
            text.append("publish\t").append(escape(publish.temporary().toString())).append('\t')
                    .append(escape(publish.target().toString())).append('\n');
        }
        return text.toString();
    }

    static Content parse(Path source, String text) throws StateFileException {
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(VERSION_LINE)) {
            throw new StateFileException(source, 1, "expected '" + VERSION_LINE + "', found '" + lines[0] + "'");
        }
        List<FileState> files = new ArrayList<>();
        List<StateStore.Publish> publishes = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] fields = lines[i].split("\t", -1);
            try {
                if (fields[0].equals("file") && fields.length == 7) {
                    files.add(new FileState(unescape(fields[1]), unescape(fields[6]), nonNegative(fields[2]),
                            nonNegative(fields[3]), (int) nonNegative(fields[4]), fields[5]));
                } else if (fields[0].equals("publish") && fields.length == 3) {
                    publishes.add(new StateStore.Publish(Path.of(unescape(fields[1])), Path.of(unescape(fields[2]))));
                } else {
                    throw new IllegalArgumentException("not a 'file' line of 7 fields or a 'publish' line of 3");
                }
            } catch (IllegalArgumentException e) {
                throw new StateFileException(source, i + 1, e.getMessage());
            }
        }
        return new Content(new ScanState(files), publishes);
    }

    private static long nonNegative(String field) {
        long value = Long.parseLong(field);
        if (value < 0) {
            throw new IllegalArgumentException("negative number " + value);
        }
        return value;
    }

    static String escape(String text) {
        return text.replace("%", "%25").replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D");
    }

    static String unescape(String text) {
        return text.replace("%0D", "\r").replace("%0A", "\n").replace("%09", "\t").replace("%25", "%");
    }
}
