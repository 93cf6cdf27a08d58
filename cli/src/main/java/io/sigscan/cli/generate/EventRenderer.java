package io.sigscan.cli.generate;

import static io.sigscan.cli.output.JsonText.appendString;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Writes one {@link Launch} as a line of JSON in one of the {@link EventShape}s. */
final class EventRenderer {
    private static final String SYSMON_PROVIDER = "Microsoft-Windows-Sysmon";
    private static final String SYSMON_GUID = "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}";
    private static final String SYSMON_CHANNEL = "Microsoft-Windows-Sysmon/Operational";
    private static final DateTimeFormatter SYSMON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SYSTEM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Random random;
    private final Map<String, String> hashes = new HashMap<>();
    private final StringBuilder line = new StringBuilder(1536);
    private boolean firstField;

    EventRenderer(Random random) {
        this.random = random;
    }

    String render(EventShape shape, Launch launch, Instant time, long recordNumber) {
        line.setLength(0);
        switch (shape) {
            case SYSMON_FLAT -> sysmonFlat(launch, time, recordNumber);
            case SECURITY_4688 -> security4688(launch, time, recordNumber);
            case SYSMON_NESTED -> sysmonNested(launch, time, recordNumber);
        }
        return line.toString();
    }

    private void sysmonFlat(Launch launch, Instant time, long recordNumber) {
        open();
        field("EventTime", EVENT_TIME.format(time));
        field("Computer", launch.host().name());
        number("EventID", 1);
        field("SourceName", SYSMON_PROVIDER);
        field("ProviderGuid", SYSMON_GUID);
        field("Channel", SYSMON_CHANNEL);
        number("RecordNumber", recordNumber);
        field("Category", "Process Create (rule: ProcessCreate)");
        field("Severity", "INFO");
        sysmonData(launch, time);
        close();
    }

    private void sysmonNested(Launch launch, Instant time, long recordNumber) {
        open();
        key("Event");
        open();
        key("System");
        open();
        key("Provider");
        open();
        key("#attributes");
        open();
        field("Name", SYSMON_PROVIDER);
        field("Guid", SYSMON_GUID.substring(1, SYSMON_GUID.length() - 1));
        close();
        close();
        number("EventID", 1);
        key("TimeCreated");
        open();
        key("#attributes");
        open();
        field("SystemTime", SYSTEM_TIME.format(time));
        close();
        close();
        number("EventRecordID", recordNumber);
        field("Channel", SYSMON_CHANNEL);
        field("Computer", launch.host().name());
        close();
        key("EventData");
        open();
        sysmonData(launch, time);
        close();
        close();
        close();
    }

    private void sysmonData(Launch launch, Instant time) {
        Program child = launch.child();
        Program parent = launch.parent();
        field("RuleName", "-");
        field("UtcTime", SYSMON_TIME.format(time));
        field("ProcessGuid", guid());
        number("ProcessId", processId());
        field("Image", child.path());
        field("Description", child.description());
        field("Company", child.company());
        field("OriginalFileName", child.originalFileName());
        field("CommandLine", launch.commandLine());
        field("CurrentDirectory", launch.currentDirectory());
        field("User", launch.user());
        field("LogonId", launch.user().startsWith("NT AUTHORITY") ? "0x3e7" : "0x" + Integer.toHexString(0x100000 + random.nextInt(0xFFFFFF)));
        number("TerminalSessionId", launch.user().startsWith("NT AUTHORITY") ? 0 : 1);
        field("IntegrityLevel", launch.integrityLevel());
        field("Hashes", hashesOf(child.path()));
        field("ParentProcessGuid", guid());
        number("ParentProcessId", processId());
        field("ParentImage", parent.path());
        field("ParentCommandLine", launch.parentCommandLine());
        field("ParentUser", launch.user());
    }

    private void security4688(Launch launch, Instant time, long recordNumber) {
        String user = launch.user();
        boolean system = user.startsWith("NT AUTHORITY");
        String hostShort = launch.host().name().substring(0, launch.host().name().indexOf('.'));
        open();
        field("EventTime", EVENT_TIME.format(time));
        field("Computer", launch.host().name());
        number("EventID", 4688);
        field("SourceName", "Microsoft-Windows-Security-Auditing");
        field("ProviderGuid", "{54849625-5478-4994-A5BA-3E3B0328C30D}");
        field("Channel", "Security");
        number("RecordNumber", recordNumber);
        field("Category", "Process Creation");
        field("Keywords", "Audit Success");
        field("SubjectUserSid", system ? "S-1-5-18" : "S-1-5-21-3623811015-3361044348-30300820-" + (1100 + Math.abs(user.hashCode() % 800)));
        field("SubjectUserName", system ? hostShort + "$" : user.substring(user.indexOf('\\') + 1));
        field("SubjectDomainName", "CORP");
        field("SubjectLogonId", system ? "0x3e7" : "0x" + Integer.toHexString(0x100000 + random.nextInt(0xFFFFFF)));
        field("NewProcessId", "0x" + Integer.toHexString(processId()));
        field("NewProcessName", launch.child().path());
        field("TokenElevationType", system ? "%%1936" : "%%1938");
        field("ProcessId", "0x" + Integer.toHexString(processId()));
        field("CommandLine", launch.commandLine());
        field("TargetUserSid", "S-1-0-0");
        field("TargetUserName", "-");
        field("TargetDomainName", "-");
        field("TargetLogonId", "0x0");
        field("ParentProcessName", launch.parent().path());
        field("MandatoryLabel", system ? "S-1-16-16384" : "S-1-16-8192");
        close();
    }

    private int processId() {
        return 4 * (64 + random.nextInt(16000));
    }

    private String guid() {
        HexFormat hex = HexFormat.of().withUpperCase();
        String high = hex.toHexDigits(random.nextLong());
        String low = hex.toHexDigits(random.nextLong());
        return "{" + high.substring(0, 8) + "-" + high.substring(8, 12) + "-" + high.substring(12) + "-"
                + low.substring(0, 4) + "-" + low.substring(4) + "}";
    }

    /** Stable fake hashes: the same executable always hashes the same, as on a real fleet. */
    private String hashesOf(String path) {
        return hashes.computeIfAbsent(path, p -> "SHA256=" + digest("SHA-256", p) + ",IMPHASH=" + digest("MD5", p));
    }

    private static String digest(String algorithm, String text) {
        try {
            byte[] bytes = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides " + algorithm, e);
        }
    }

    private void open() {
        line.append('{');
        firstField = true;
    }

    private void close() {
        line.append('}');
        firstField = false;
    }

    private void key(String name) {
        if (!firstField) {
            line.append(',');
        }
        firstField = false;
        appendString(line, name).append(':');
    }

    private void field(String name, String value) {
        key(name);
        appendString(line, value);
    }

    private void number(String name, long value) {
        key(name);
        line.append(value);
    }
}
