package io.sigscan.engine.state;

import java.io.IOException;
import java.nio.file.Path;

/** Another process holds the state directory's lock. */
public final class StateLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long holderPid;

    StateLockedException(Path directory, long holderPid) {
        super("state directory " + directory + " is in use by another sigscan run"
                + (holderPid > 0 ? " (pid " + holderPid + ")" : "") + "; not scanning");
        this.holderPid = holderPid;
    }

    /** The holder's process id as it wrote it in the lock file, or -1 when unknown. */
    public long holderPid() {
        return holderPid;
    }
}
