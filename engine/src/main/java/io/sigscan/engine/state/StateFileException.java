package io.sigscan.engine.state;

import java.io.IOException;
import java.nio.file.Path;

/** The state file cannot be read as one: damaged, edited by hand, or of another version. */
public final class StateFileException extends IOException {
    private static final long serialVersionUID = 1L;

    StateFileException(Path file, int line, String message) {
        super(file + ":" + line + ": " + message + "; remove the state directory to scan everything again");
    }
}
