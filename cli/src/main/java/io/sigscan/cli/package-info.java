/**
 * The {@code sigscan} command line: picocli commands ({@code hunt}, {@code lint}, {@code demo}),
 * their shared options, rule loading for them (bundled rules included) and exit codes. The only
 * package that prints or exits.
 */
package io.sigscan.cli;
