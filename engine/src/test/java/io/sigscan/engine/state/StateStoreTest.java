package io.sigscan.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    @TempDir
    Path dir;

    private final ScanState state = new ScanState(List.of(
            new FileState("(dev=1,ino=2)", "logs/a\tb%.log", 100, 7, 100, "ab12"),
            new FileState("path:/x/y", "y", 0, 0, 0, "e3b0")));

    @Test
    void aCommittedStateIsWhatTheNextRunReads() throws IOException {
        Path stateDir = dir.resolve("state");
        try (StateStore store = StateStore.open(stateDir)) {
            assertEquals(ScanState.EMPTY, store.state());
            store.commit(state, List.of(), null);
        }
        try (StateStore store = StateStore.open(stateDir)) {
            assertEquals(state, store.state());
            assertEquals(-1, store.previousHolder(), "the last holder released the lock cleanly");
        }
        assertFalse(Files.exists(stateDir.resolve(StateStore.STATE_TEMPORARY)));
    }

    @Test
    void aSecondHolderIsRefusedWithTheHoldersPid() throws IOException {
        try (StateStore held = StateStore.open(dir)) {
            StateLockedException refused = assertThrows(StateLockedException.class, () -> StateStore.open(dir));
            assertEquals(ProcessHandle.current().pid(), refused.holderPid());
            assertTrue(refused.getMessage().contains("(pid " + ProcessHandle.current().pid() + ")"),
                    refused.getMessage());
        }
        try (StateStore again = StateStore.open(dir)) {
            assertEquals(ScanState.EMPTY, again.state(), "the lock is free once released");
        }
    }

    @Test
    void theLockOfAProcessThatDiedHoldingItIsTakenOver() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve(StateStore.LOCK), gone.pid() + "\n", StandardCharsets.US_ASCII);
        try (StateStore store = StateStore.open(dir)) {
            assertEquals(gone.pid(), store.previousHolder());
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(dir.resolve(StateStore.LOCK)));
        }
    }

    @Test
    void outputsOfARunKilledAfterItsCommitAreRenamedByTheNextOpen() throws IOException {
        Path temporary = Files.writeString(dir.resolve(".out.jsonl.123.tmp"), "match\n");
        Path target = dir.resolve("out.jsonl");
        Path stateDir = Files.createDirectories(dir.resolve("state"));
        Files.writeString(stateDir.resolve(StateStore.STATE),
                StateFile.format(state, List.of(new StateStore.Publish(temporary, target)), null));
        try (StateStore store = StateStore.open(stateDir)) {
            assertEquals(state, store.state());
        }
        assertFalse(Files.exists(temporary));
        assertEquals("match\n", Files.readString(target));
        try (StateStore store = StateStore.open(stateDir)) {
            assertEquals("match\n", Files.readString(target), "a rename already done is not done again");
        }
    }

    @Test
    void commitRenamesTheOutputsAfterTheState() throws IOException {
        Path temporary = Files.writeString(dir.resolve(".out.tmp"), "match\n");
        Path target = dir.resolve("out.jsonl");
        try (StateStore store = StateStore.open(dir.resolve("state"))) {
            store.commit(state, List.of(new StateStore.Publish(temporary, target)), null);
        }
        assertEquals("match\n", Files.readString(target));
    }

    @Test
    void aDamagedStateFileIsReportedWithItsLine() throws IOException {
        Files.writeString(dir.resolve(StateStore.STATE), StateFile.VERSION_LINE + "\nfile\tk\t-5\t0\t0\tab\tname\n");
        StateFileException damaged = assertThrows(StateFileException.class, () -> StateStore.open(dir));
        assertEquals(dir.resolve(StateStore.STATE) + ":2: negative number -5; remove the state directory to scan"
                + " everything again", damaged.getMessage());
        Files.writeString(dir.resolve(StateStore.STATE), "something else\n");
        assertThrows(StateFileException.class, () -> StateStore.open(dir));
    }
}
