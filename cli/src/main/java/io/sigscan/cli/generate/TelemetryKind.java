package io.sigscan.cli.generate;

/**
 * The kinds of Windows events {@link TelemetryGenerator} writes, with their share of a sample in
 * events per thousand: the shape of a fleet whose Sysmon configuration logs image loads, process
 * access and registry writes, with logon, process-creation and script-block auditing on. Registry
 * writes and image loads dominate, process creations are a small part, script blocks are rare
 * but large.
 */
public enum TelemetryKind {
    SYSMON_PROCESS_CREATION(1, EventRenderer.SYSMON_CHANNEL, "category: process_creation", 80, null, null),
    SYSMON_NETWORK_CONNECTION(3, EventRenderer.SYSMON_CHANNEL, "category: network_connection", 140,
            "Network connection detected (rule: NetworkConnect)", new NetworkConnections()),
    SYSMON_IMAGE_LOAD(7, EventRenderer.SYSMON_CHANNEL, "category: image_load", 200,
            "Image loaded (rule: ImageLoad)", new ImageLoads()),
    SYSMON_PROCESS_ACCESS(10, EventRenderer.SYSMON_CHANNEL, "category: process_access", 90,
            "Process accessed (rule: ProcessAccess)", new ProcessAccesses()),
    SYSMON_FILE_CREATE(11, EventRenderer.SYSMON_CHANNEL, "category: file_event", 100,
            "File created (rule: FileCreate)", new FileCreations()),
    SYSMON_REGISTRY_SET(13, EventRenderer.SYSMON_CHANNEL, "category: registry_set", 240,
            "Registry value set (rule: RegistryEvent)", new RegistrySets()),
    SECURITY_LOGON(4624, "Security", "service: security", 70, "Logon", new Logons()),
    SECURITY_PROCESS_CREATION(4688, "Security", "category: process_creation", 50, null, null),
    POWERSHELL_SCRIPT_BLOCK(4104, "Microsoft-Windows-PowerShell/Operational", "category: ps_script", 30,
            "Execute a Remote Command", new ScriptBlocks());

    /** The sum of all shares. */
    public static final int TOTAL_WEIGHT = 1000;
    private static final TelemetryKind[] KINDS = values();

    private final int eventId;
    private final String channel;
    private final String logsource;
    private final int perThousand;
    private final String category;
    private final EventData data;

    /** Process creations ({@code category} and {@code data} null) are written by {@link EventRenderer}. */
    TelemetryKind(int eventId, String channel, String logsource, int perThousand, String category, EventData data) {
        this.eventId = eventId;
        this.channel = channel;
        this.logsource = logsource;
        this.perThousand = perThousand;
        this.category = category;
        this.data = data;
    }

    public int eventId() {
        return eventId;
    }

    public String channel() {
        return channel;
    }

    /** The Sigma log source whose rules apply to this kind (with {@code product: windows}). */
    public String logsource() {
        return logsource;
    }

    /** Events of this kind per thousand events of a sample. */
    public int perThousand() {
        return perThousand;
    }

    String category() {
        return category;
    }

    Provider provider() {
        if (this == POWERSHELL_SCRIPT_BLOCK) {
            return Provider.POWERSHELL;
        }
        return channel.equals("Security") ? Provider.SECURITY : Provider.SYSMON;
    }

    EventData data() {
        return data;
    }

    /** The kind a uniform draw in {@code [0, TOTAL_WEIGHT)} falls on. */
    static TelemetryKind forTicket(int ticket) {
        int remaining = ticket;
        for (TelemetryKind kind : KINDS) {
            remaining -= kind.perThousand;
            if (remaining < 0) {
                return kind;
            }
        }
        throw new IllegalArgumentException("ticket " + ticket + " outside [0, " + TOTAL_WEIGHT + ")");
    }
}
