package io.sigscan.rules.event;

/**
 * An event view that can say which slots hold values, so that a reader of a few slots among many
 * visits only those the event has instead of asking for each: routing reads every field a
 * log-source condition or product marker names (dozens), of which an event holds a handful.
 */
public interface PresentSlots extends EventView {

    /** How many slots hold values in this event, the keyword pseudo-slot aside. */
    int presentSlotCount();

    /** The {@code i}th of them, in no particular order (the same for events of the same shape). */
    int presentSlot(int i);
}
