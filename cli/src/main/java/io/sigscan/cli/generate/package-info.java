/**
 * Synthetic but realistic Windows process-creation telemetry for the demo and the benchmarks:
 * benign workstation and build-agent noise with a small npm supply-chain compromise woven in,
 * deterministic for a seed.
 */
package io.sigscan.cli.generate;
