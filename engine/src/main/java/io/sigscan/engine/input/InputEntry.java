package io.sigscan.engine.input;

import java.nio.file.Path;

import io.sigscan.engine.ScanProblem;

/**
 * One input of a scan, in scan order: a regular file to read, or a path that could not be read and
 * the problem to report in its place.
 *
 * @param path    the file
 * @param name    how output names it: the path as given, or as found below a directory given
 * @param problem null for a readable file
 */
public record InputEntry(Path path, String name, ScanProblem problem) {
}
