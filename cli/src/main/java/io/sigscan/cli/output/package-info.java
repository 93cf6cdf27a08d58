/**
 * Everything a hunt writes: matches as JSON lines, CSV or an aligned table, the statistics
 * file, the human summary, input problems as they arrive, and files replaced atomically.
 * Runs once per match, never per event, so clarity wins over allocation here.
 */
package io.sigscan.cli.output;
