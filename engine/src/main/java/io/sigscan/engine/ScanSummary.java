package io.sigscan.engine;

/**
 * What a scan did, for the summary and {@code --stats}.
 *
 * @param files          inputs read (fully or partly)
 * @param bytes          bytes read
 * @param events         records parsed into events
 * @param matches        rule hits reported
 * @param errors         problems reported (broken records, unreadable files, ...)
 * @param matchesPerRule hits per rule, indexed like the compiled rule set
 * @param nanos          wall-clock duration of the scan
 */
public record ScanSummary(long files, long bytes, long events, long matches, long errors, long[] matchesPerRule,
                          long nanos) {

    public double seconds() {
        return nanos / 1e9;
    }
}
