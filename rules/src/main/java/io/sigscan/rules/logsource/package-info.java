/**
 * Log-source routing as data: which events each Sigma log source covers (conditions on routing
 * fields such as {@code Channel} and {@code EventID}) and how its field names map onto those
 * events. Read once at compile time from the built-in YAML file or a user's override.
 */
package io.sigscan.rules.logsource;
