/**
 * {@code sigscan profile}: what each rule costs on a sample of logs, as a table, JSON or a
 * self-contained HTML page.
 */
package io.sigscan.cli.profile;
