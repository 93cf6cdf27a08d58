/**
 * What a hunt reports: which rules run (by level, status, tag, id, title or file, decided before
 * compiling, so unselected rules cost nothing) and which matches are kept (by event time). Runs
 * per rule, and per match, never per event.
 */
package io.sigscan.cli.select;
