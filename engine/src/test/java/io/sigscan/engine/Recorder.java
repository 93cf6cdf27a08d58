package io.sigscan.engine;

import java.util.ArrayList;
import java.util.List;

/** Collects a scan's output as text lines, in the order the handlers received it. */
public final class Recorder implements MatchHandler, ScanProblemHandler {
    public final List<String> lines = new ArrayList<>();
    public final List<Match> matches = new ArrayList<>();
    public final List<ScanProblem> problems = new ArrayList<>();

    @Override
    public void onMatch(Match match) {
        matches.add(match);
        lines.add("match " + match.file() + " @" + match.offset() + " line " + match.line() + " [" + match.rule().title()
                + "] " + match.eventJson());
    }

    @Override
    public void onProblem(ScanProblem problem) {
        problems.add(problem);
        lines.add("problem " + problem);
    }
}
