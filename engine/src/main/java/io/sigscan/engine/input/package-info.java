/**
 * What to read: expanding the paths given into an ordered list of files (directories recursively,
 * sorted, symbolic links followed with loop detection) and recognising each input's format by its
 * first bytes. Runs once per input on the calling thread, not per event.
 */
package io.sigscan.engine.input;
