/**
 * Synthetic but realistic Windows telemetry, deterministic for a seed: process creations with a
 * small npm supply-chain compromise woven in for {@code sigscan demo}
 * ({@link io.sigscan.cli.generate.ProcessEventGenerator}), and the wider mix of Sysmon, Security
 * and PowerShell events with attacks of every kind for {@code sigscan generate} and the
 * benchmarks ({@link io.sigscan.cli.generate.TelemetryGenerator}), both from the same fleet and
 * value shapes.
 */
package io.sigscan.cli.generate;
