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
 * windows	NAME
 * </pre>
 *
 * <p>The optional {@code windows} line names the file in the state directory that holds the open
 * correlation windows committed with this state; each commit writes a new one, so that the state
 * file alone decides which windows go with it.
 */
final class StateFile {
    static final String VERSION_LINE = "sigscan-state 1";

    /** @param windows the name of the correlation windows file, null when none */
    record Content(ScanState state, List<StateStore.Publish> publishes, String windows) {
    }

    private StateFile() {
    }

    static String format(ScanState state, List<StateStore.Publish> publishes, String windows) {
        StringBuilder text = new StringBuilder(VERSION_LINE).append('\n');
        for (FileState file : state.files()) {
            text.append("file\t").append(LineFields.escape(file.key())).append('\t').append(file.offset())
                    .append('\t')
                    .append(file.lineBreaks()).append('\t').append(file.fingerprintLength()).append('\t')
                    .append(file.fingerprint()).append('\t').append(LineFields.escape(file.name())).append('\n');
        }
        for (StateStore.Publish publish : publishes) {
            text.append("publish\t").append(LineFields.escape(publish.temporary().toString())).append('\t')
                    .append(LineFields.escape(publish.target().toString())).append('\n');
        }
        if (windows != null) {
            text.append("windows\t").append(LineFields.escape(windows)).append('\n');
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
        String windows = null;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] fields = lines[i].split("\t", -1);
            try {
                if (fields[0].equals("file") && fields.length == 7) {
                    files.add(new FileState(LineFields.unescape(fields[1]), LineFields.unescape(fields[6]),
                            nonNegative(fields[2]), nonNegative(fields[3]), (int) nonNegative(fields[4]), fields[5]));
                } else if (fields[0].equals("publish") && fields.length == 3) {
                    publishes.add(new StateStore.Publish(Path.of(LineFields.unescape(fields[1])),
                            Path.of(LineFields.unescape(fields[2]))));
                } else if (fields[0].equals("windows") && fields.length == 2 && windows == null
                        && isPlainName(LineFields.unescape(fields[1]))) {
                    windows = LineFields.unescape(fields[1]);
                } else {
                    throw new IllegalArgumentException("not a 'file' line of 7 fields, a 'publish' line of 3"
                            + " or one 'windows' line naming a file of the state directory");
                }
            } catch (IllegalArgumentException e) {
                throw new StateFileException(source, i + 1, e.getMessage());
            }
        }
        return new Content(new ScanState(files), publishes, windows);
    }

    /** A name within the state directory, so that a damaged state never points elsewhere. */
    private static boolean isPlainName(String name) {
        return name.startsWith(StateStore.WINDOWS_PREFIX) && name.indexOf('/') < 0 && name.indexOf('\\') < 0;
    }

    private static long nonNegative(String field) {
        long value = Long.parseLong(field);
        if (value < 0) {
            throw new IllegalArgumentException("negative number " + value);
        }
        return value;
    }
}
