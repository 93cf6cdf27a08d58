package io.sigscan.engine.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What earlier scans read, per file, in the order last scanned. */
public record ScanState(List<FileState> files) {

    public static final ScanState EMPTY = new ScanState(List.of());

    public ScanState {
        files = List.copyOf(files);
    }

    /** The files by identity; of two entries with one key (hard links), the last. */
    Map<String, FileState> byKey() {
        Map<String, FileState> byKey = new LinkedHashMap<>();
        for (FileState file : files) {
            byKey.put(file.key(), file);
        }
        return byKey;
    }
}
