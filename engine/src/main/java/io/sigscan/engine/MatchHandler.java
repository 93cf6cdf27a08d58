package io.sigscan.engine;

/**
 * Receives matches in input order (input as listed, then byte offset, then rule order) on a
 * single thread, whatever the number of scan workers.
 */
@FunctionalInterface
public interface MatchHandler {
    void onMatch(Match match);
}
