package io.sigscan.engine;

import java.nio.file.Path;
import java.util.List;

import org.agrona.DirectBuffer;

import io.sigscan.engine.scan.ScanDriver;
import io.sigscan.rules.compile.CompiledRuleSet;

/**
 * Runs a compiled rule set over inputs and reports every match and every input problem, in input
 * order (input as listed, then byte offset, then rule order), whatever the number of threads.
 *
 * <p>Inputs are files or directories (walked recursively in name order, links followed); each
 * file's format is recognised by content: EVTX, JSON lines, concatenated JSON objects, or plain
 * text lines. Matches in EVTX carry the EventRecordID and line 0; text formats carry 1-based lines. Bad input never stops a scan: it is reported to the {@link ScanProblemHandler} with file,
 * byte offset and line, and the scan goes on. Handlers are called on the calling thread only.
 *
 * <p>A scanner may be used by several threads at once; each scan starts its own pool of
 * {@link ScanOptions#threads()} workers and stops it before returning. Between scans it keeps only
 * the buffers matched events are rendered into (see {@link Match}), reused by the next scan.
 */
public final class Scanner {
    private final ScanDriver driver;

    public Scanner(CompiledRuleSet rules, ScanOptions options) {
        this.driver = new ScanDriver(rules, options, ScanDriver.DEFAULT_WINDOW_BYTES);
    }

    /** Scans files and directories, in the order given. */
    public ScanSummary scan(List<Path> inputs, MatchHandler matches, ScanProblemHandler problems) {
        return scan(inputs, matches, problems, ScanListener.NONE);
    }

    /** Scans files and directories, in the order given, telling {@code listener} how far it got. */
    public ScanSummary scan(List<Path> inputs, MatchHandler matches, ScanProblemHandler problems,
                            ScanListener listener) {
        return driver.scanFiles(inputs, matches, problems, listener);
    }

    /**
     * Scans files or parts of files, in the order given: how incremental scans read only what was
     * appended. Each input's {@link ScanListener#onInputEnd} says where reading stopped, so the
     * next scan can resume there; matches keep the files' own offsets and line numbers.
     */
    public ScanSummary scanInputs(List<ScanInput> inputs, MatchHandler matches, ScanProblemHandler problems,
                                  ScanListener listener) {
        return driver.scanInputs(inputs, matches, problems, listener);
    }

    /**
     * Scans the records of {@code [offset, offset + length)} of {@code buffer}, for callers that hold
     * the bytes themselves (a split of a remote file, a test). The range must start at a record
     * start. Offsets in matches and problems are indices into {@code buffer}; line numbers count
     * from 1 at {@code offset}.
     */
    public ScanSummary scan(String sourceName, DirectBuffer buffer, int offset, int length, MatchHandler matches,
                            ScanProblemHandler problems) {
        return driver.scanRange(sourceName, buffer, offset, length, matches, problems);
    }
}
