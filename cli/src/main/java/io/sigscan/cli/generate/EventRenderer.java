package io.sigscan.cli.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes one {@link Launch} as a line of JSON in one of the {@link EventShape}s. */
final class EventRenderer {
    static final String SYSMON_CHANNEL = "Microsoft-Windows-Sysmon/Operational";
    static final DateTimeFormatter SYSMON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SYSTEM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final RandomValues values;
    private final JsonLine line = new JsonLine();

    EventRenderer(RandomValues values) {
        this.values = values;
    }

    String render(EventShape shape, Launch launch, Instant time, long recordNumber) {
        line.clear();
        switch (shape) {
            case SYSMON_FLAT -> sysmonFlat(launch, time, recordNumber);
            case SECURITY_4688 -> security4688(launch, time, recordNumber);
            case SYSMON_NESTED -> sysmonNested(launch, time, recordNumber);
        }
        return line.text();
    }

    private void sysmonFlat(Launch launch, Instant time, long recordNumber) {
        line.open();
        line.windowsHeader(EVENT_TIME.format(time), launch.host().name(), 1, Provider.SYSMON, SYSMON_CHANNEL,
                recordNumber, "Process Create (rule: ProcessCreate)");
        line.field("Severity", "INFO");
        sysmonData(launch, time);
        line.close();
    }

    private void sysmonNested(Launch launch, Instant time, long recordNumber) {
        line.open();
        line.key("Event");
        line.open();
        line.key("System");
        line.open();
        line.key("Provider");
        line.open();
        line.key("#attributes");
        line.open();
        line.field("Name", Provider.SYSMON.name());
        line.field("Guid", Provider.SYSMON.guid().substring(1, Provider.SYSMON.guid().length() - 1));
        line.close();
        line.close();
        line.number("EventID", 1);
        line.key("TimeCreated");
        line.open();
        line.key("#attributes");
        line.open();
        line.field("SystemTime", SYSTEM_TIME.format(time));
        line.close();
        line.close();
        line.number("EventRecordID", recordNumber);
        line.field("Channel", SYSMON_CHANNEL);
        line.field("Computer", launch.host().name());
        line.close();
        line.key("EventData");
        line.open();
        sysmonData(launch, time);
        line.close();
        line.close();
        line.close();
    }

    private void sysmonData(Launch launch, Instant time) {
        Program child = launch.child();
        Program parent = launch.parent();
        line.field("RuleName", "-");
        line.field("UtcTime", SYSMON_TIME.format(time));
        line.field("ProcessGuid", values.guid());
        line.number("ProcessId", values.processId());
        line.field("Image", child.path());
        line.field("Description", child.description());
        line.field("Company", child.company());
        line.field("OriginalFileName", child.originalFileName());
        line.field("CommandLine", launch.commandLine());
        line.field("CurrentDirectory", launch.currentDirectory());
        line.field("User", launch.user());
        line.field("LogonId", launch.user().startsWith("NT AUTHORITY") ? "0x3e7" : values.userLogonId());
        line.number("TerminalSessionId", launch.user().startsWith("NT AUTHORITY") ? 0 : 1);
        line.field("IntegrityLevel", launch.integrityLevel());
        line.field("Hashes", values.hashesOf(child.path()));
        line.field("ParentProcessGuid", values.guid());
        line.number("ParentProcessId", values.processId());
        line.field("ParentImage", parent.path());
        line.field("ParentCommandLine", launch.parentCommandLine());
        line.field("ParentUser", launch.user());
    }

    private void security4688(Launch launch, Instant time, long recordNumber) {
        String user = launch.user();
        boolean system = user.startsWith("NT AUTHORITY");
        line.open();
        line.windowsHeader(EVENT_TIME.format(time), launch.host().name(), 4688, Provider.SECURITY, "Security",
                recordNumber, "Process Creation");
        line.field("Keywords", "Audit Success");
        line.field("SubjectUserSid", system ? "S-1-5-18" : userSid(user));
        line.field("SubjectUserName", system ? launch.host().shortName() + "$" : accountName(user));
        line.field("SubjectDomainName", "CORP");
        line.field("SubjectLogonId", system ? "0x3e7" : values.userLogonId());
        line.field("NewProcessId", "0x" + Integer.toHexString(values.processId()));
        line.field("NewProcessName", launch.child().path());
        line.field("TokenElevationType", system ? "%%1936" : "%%1938");
        line.field("ProcessId", "0x" + Integer.toHexString(values.processId()));
        line.field("CommandLine", launch.commandLine());
        line.field("TargetUserSid", "S-1-0-0");
        line.field("TargetUserName", "-");
        line.field("TargetDomainName", "-");
        line.field("TargetLogonId", "0x0");
        line.field("ParentProcessName", launch.parent().path());
        line.field("MandatoryLabel", system ? "S-1-16-16384" : "S-1-16-8192");
        line.close();
    }

    /** A domain account's SID, stable per account. */
    static String userSid(String user) {
        return "S-1-5-21-3623811015-3361044348-30300820-" + (1100 + Math.abs(user.hashCode() % 800));
    }

    /** {@code maria.lopez} of {@code CORP\maria.lopez}. */
    static String accountName(String user) {
        return user.substring(user.indexOf('\\') + 1);
    }
}
