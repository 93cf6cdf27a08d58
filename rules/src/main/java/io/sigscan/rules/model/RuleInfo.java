package io.sigscan.rules.model;

import java.util.List;

/**
 * The metadata a match carries to its output: what fired, how severe it is, and whom to credit.
 * {@code author} is kept verbatim because the SigmaHQ rules' licence requires it in output.
 * Absent fields are null, never empty strings; {@code tags} is never null.
 */
public record RuleInfo(
        String id,
        String name,
        String title,
        String level,
        String status,
        String author,
        List<String> tags,
        Location location) {

    public RuleInfo {
        tags = List.copyOf(tags);
    }

    /** A readable handle for messages: the title, or the id, or the file. */
    public String displayName() {
        if (title != null) {
            return title;
        }
        return id != null ? id : location.toString();
    }
}
