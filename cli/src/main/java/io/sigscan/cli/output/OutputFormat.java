package io.sigscan.cli.output;

/** How matches are written. */
public enum OutputFormat {
    /** One JSON object per match and line: for jq, SIEM ingestion and diffing. */
    JSONL,
    /** RFC 4180 CSV with a header row: for spreadsheets. */
    CSV,
    /** Aligned columns with a truncated event summary: for people at a terminal. */
    TABLE
}
