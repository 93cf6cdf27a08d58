package io.sigscan.engine.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sigscan.engine.ScanInput;
import io.sigscan.engine.ScanListener;
import io.sigscan.engine.ScanProblem;
import io.sigscan.engine.input.InputEntry;
import io.sigscan.engine.input.InputFiles;

/**
 * One incremental run: which part of each input to read, given what earlier runs read, and the
 * state to commit once this run's results are safe.
 *
 * <p>Per file found under the inputs: a file whose identity is known, that is at least as long as
 * what was read of it and still starts with the same bytes, is read from where the last run
 * stopped (with its line count, so line numbers stay those of the whole file). Anything else — a
 * new file, the new file that replaced a rotated one, a file that shrank (truncated) or whose first
 * bytes changed (rewritten, or an inode reused) — is read from its start. A rotated file keeps its
 * identity under its new name, so only what was appended to it before rotation is read. Each
 * file is read up to its size when planned and only up to its last complete record, so a record
 * being written while the run starts is read whole by the next run.
 *
 * <p>Listen to the scan with this plan ({@link ScanListener}) to learn where each input's reading
 * stopped; {@link #next} is then the state to commit. Files that are gone drop out of it; a file
 * that could not be read keeps its previous entry.
 */
public final class IncrementalPlan implements ScanListener {
    private final List<ScanInput> inputs = new ArrayList<>();
    /** Per input to read, its entry as planned; replaced when the scan reports the input's end. */
    private final Map<ScanInput, Planned> planned = new LinkedHashMap<>();

    private record Planned(String key, FileState state) {
    }

    private IncrementalPlan() {
    }

    /** Plans a run over {@code paths} (files and directories, expanded as a scan expands them). */
    public static IncrementalPlan of(ScanState previous, List<Path> paths) {
        IncrementalPlan plan = new IncrementalPlan();
        Map<String, FileState> known = previous.byKey();
        for (InputEntry entry : InputFiles.expand(paths)) {
            plan.add(entry, known);
        }
        return plan;
    }

    /** What to read, in scan order; paths that could not be listed or examined are reported in their place. */
    public List<ScanInput> inputs() {
        return List.copyOf(inputs);
    }

    /** Bytes the plan reads at most. */
    public long plannedBytes() {
        long bytes = 0;
        for (ScanInput input : inputs) {
            bytes += Math.max(0, input.end() - input.start());
        }
        return bytes;
    }

    @Override
    public void onInputEnd(ScanInput input, long end, long lineBreaks) {
        Planned entry = planned.get(input);
        if (entry == null) {
            return;
        }
        try {
            FileIdentity.Fingerprint fingerprint = FileIdentity.of(input.path(), end);
            planned.put(input, new Planned(entry.key(), new FileState(entry.key(), input.name(), end, lineBreaks,
                    fingerprint.length(), fingerprint.hash())));
        } catch (IOException e) {
            // The file went away after being read: it drops out, and is read whole if it comes back.
            planned.put(input, new Planned(entry.key(), null));
        }
    }

    /** The state after this run: each file's entry as read by it, or as before when it could not be read. */
    public ScanState next() {
        List<FileState> files = new ArrayList<>();
        for (Planned entry : planned.values()) {
            if (entry.state() != null) {
                files.add(entry.state());
            }
        }
        return new ScanState(files);
    }

    private void add(InputEntry entry, Map<String, FileState> known) {
        if (entry.problem() != null) {
            inputs.add(ScanInput.unreadable(entry.path(), entry.problem()));
            return;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry.path(), BasicFileAttributes.class);
        } catch (IOException e) {
            inputs.add(ScanInput.unreadable(entry.path(), new ScanProblem(entry.name(), -1, 0, InputFiles.UNREADABLE,
                    InputFiles.reason(e))));
            return;
        }
        String key = FileIdentity.key(entry.path(), attributes);
        FileState before = known.get(key);
        long size = attributes.size();
        ScanInput input = resumable(entry.path(), before, size)
                ? ScanInput.range(entry.path(), entry.name(), before.offset(), before.lineBreaks(), size)
                : ScanInput.range(entry.path(), entry.name(), 0, 0, size);
        inputs.add(input);
        planned.put(input, new Planned(key, before));
    }

    private static boolean resumable(Path path, FileState before, long size) {
        if (before == null || size < before.offset()) {
            return false;
        }
        try {
            return FileIdentity.matches(path, before.fingerprintLength(), before.fingerprint());
        } catch (IOException e) {
            return false;
        }
    }
}
