package io.sigscan.engine.scan;

/** One item of the ordered output: a chunk's results, a problem, or a bookkeeping action. */
interface Step {

    /** Hands this step's output to the sinks; called on the scanning thread, in input order. */
    void emit(OrderedOutput output);

    /** Gives back resources when the scan stops before emitting this step. */
    default void abandon() {
    }
}
