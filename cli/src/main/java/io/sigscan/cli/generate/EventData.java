package io.sigscan.cli.generate;

import java.time.Instant;

/** Writes the event-specific fields of one kind of event, after the common header. */
interface EventData {

    /**
     * @param host   the machine the event happens on
     * @param attack whether to write one of the kind's attack variants instead of everyday activity
     */
    void write(JsonLine line, RandomValues values, Host host, Instant time, boolean attack);
}
