package io.sigscan.engine.correlate;

/** Receives correlation alerts on the thread that emits matches, in the order they are raised. */
@FunctionalInterface
public interface CorrelationAlertHandler {
    void onAlert(CorrelationAlert alert);
}
