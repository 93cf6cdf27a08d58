package io.sigscan.cli.generate;

/** The three ways process creations arrive in the sample, each written to its own file. */
public enum EventShape {
    /** Sysmon event 1 as NXLog-style flat JSON: every field at the top level. */
    SYSMON_FLAT("sysmon.jsonl"),
    /** Security event 4688 as flat JSON, with its own field names ({@code NewProcessName}, ...). */
    SECURITY_4688("security-4688.jsonl"),
    /** Sysmon event 1 as an EVTX-to-JSON export: {@code Event.System} and {@code Event.EventData}. */
    SYSMON_NESTED("edr-export.jsonl");

    private final String fileName;

    EventShape(String fileName) {
        this.fileName = fileName;
    }

    /** The file the demo writes events of this shape to. */
    public String fileName() {
        return fileName;
    }
}
