/**
 * The engine's public face: {@link io.sigscan.engine.Scanner} runs a compiled rule set over files or
 * byte ranges and streams {@link io.sigscan.engine.Match}es and
 * {@link io.sigscan.engine.ScanProblem}s, in input order, to the caller's handlers.
 */
package io.sigscan.engine;
