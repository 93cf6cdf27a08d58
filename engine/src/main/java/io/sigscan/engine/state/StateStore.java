package io.sigscan.engine.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

/**
 * A state directory, held by one process at a time: {@code lock} (an OS file lock, and the holder's
 * pid for messages) and {@code state} (what earlier runs read, see {@link StateFile}).
 *
 * <p>Commits are crash-safe. A run first writes its output beside its final name and syncs it;
 * {@link #commit} then writes the new state to {@code state.tmp}, syncs it, renames it over
 * {@code state} and syncs the directory (the commit point), and only then renames the output to
 * its final name. The state names the outputs still to rename, so a run killed after the commit
 * point has its renames finished by the next {@link #open}; a run killed before it leaves the
 * previous state in force, and the next run reads again everything the killed one read.
 *
 * <p>A commit may carry the open correlation windows: they go to a new {@code windows-UUID} file,
 * written and synced before the state that names it, so a crash never pairs the windows of one
 * run with the state of another. Files of earlier commits are removed after the commit point.
 *
 * <p>The lock is an operating-system lock, released when its holder dies however it dies, so a
 * stale lock file of a dead process is simply taken over.
 */
public final class StateStore implements AutoCloseable {
    static final String STATE = "state";
    static final String STATE_TEMPORARY = "state.tmp";
    static final String LOCK = "lock";
    static final String WINDOWS_PREFIX = "windows-";

    /** A run's output written and synced at {@code temporary}, to be renamed to {@code target} on commit. */
    public record Publish(Path temporary, Path target) {
    }

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final long previousHolder;
    private ScanState state;
    private String windows;

    private StateStore(Path directory, FileChannel lockChannel, FileLock lock, long previousHolder) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.previousHolder = previousHolder;
    }

    /**
     * Takes the directory's lock (creating the directory if needed), finishes the renames of a run
     * killed after its commit, and reads the state.
     *
     * @throws StateLockedException another process holds the lock
     * @throws StateFileException   the state file is damaged
     */
    public static StateStore open(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path lockFile = directory.resolve(LOCK);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel);
            long holder = readPid(channel);
            if (lock == null) {
                throw new StateLockedException(directory, holder);
            }
            writePid(channel, ProcessHandle.current().pid());
            StateStore store = new StateStore(directory, channel, lock, holder);
            store.recover();
            return store;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** What earlier runs read. */
    public ScanState state() {
        return state;
    }

    /** The file of the correlation windows committed with the state, null when none. */
    public Path windowsFile() {
        return windows == null ? null : directory.resolve(windows);
    }

    /**
     * The pid a previous holder left in the lock file, -1 when none: that process was killed or
     * crashed holding the lock, and this run took the lock over.
     */
    public long previousHolder() {
        return previousHolder;
    }

    /**
     * Makes {@code next} and {@code nextWindows} (the correlation windows' text, null for none) the
     * state, durably and in one step, then renames each output to its final name. A crash during the
     * renames is finished by the next {@link #open}.
     */
    public void commit(ScanState next, List<Publish> publishes, String nextWindows) throws IOException {
        String windowsName = null;
        if (nextWindows != null) {
            windowsName = WINDOWS_PREFIX + UUID.randomUUID();
            writeSynced(directory.resolve(windowsName), nextWindows);
        }
        Path temporary = directory.resolve(STATE_TEMPORARY);
        writeSynced(temporary, StateFile.format(next, publishes, windowsName));
        Files.move(temporary, directory.resolve(STATE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(directory);
        state = next;
        windows = windowsName;
        removeWindowsExcept(windowsName);
        publish(publishes);
    }

    /**
     * Clears the pid and releases the lock. The lock file stays: removing it would race with the
     * next run taking it. A pid found in it therefore means its holder did not end cleanly.
     */
    @Override
    public void close() throws IOException {
        try {
            lockChannel.truncate(0);
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    private void recover() throws IOException {
        Path file = directory.resolve(STATE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            state = ScanState.EMPTY;
            return;
        }
        StateFile.Content content = StateFile.parse(file, text);
        publish(content.publishes());
        state = content.state();
        windows = content.windows();
    }

    private static void writeSynced(Path file, String text) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Windows files of earlier commits, and of runs killed before their commit point, are no longer named. */
    private void removeWindowsExcept(String keep) throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(directory, WINDOWS_PREFIX + "*")) {
            for (Path file : stale) {
                if (!file.getFileName().toString().equals(keep)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Renames the outputs still at their temporary names; those already renamed are gone from there. */
    private static void publish(List<Publish> publishes) throws IOException {
        for (Publish publish : publishes) {
            if (Files.exists(publish.temporary())) {
                Files.move(publish.temporary(), publish.target(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                syncDirectory(publish.target().toAbsolutePath().getParent());
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by this very process, through another channel.
            return null;
        }
    }

    private static long readPid(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        try {
            return text.isEmpty() ? -1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void writePid(FileChannel channel, long pid) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(true);
    }

    /** Makes renames in {@code directory} durable where the platform can sync a directory. */
    private static void syncDirectory(Path directory) {
        try (FileChannel handle = FileChannel.open(directory, StandardOpenOption.READ)) {
            handle.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open or sync a directory; the rename is still atomic.
        }
    }
}
