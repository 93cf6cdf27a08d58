package io.sigscan.cli.generate;

import java.time.Instant;

/** Sysmon event 10: one process opening another; Defender and Windows itself, and LSASS dumping. */
final class ProcessAccesses implements EventData {
    private static final String EVERYDAY_TRACE = "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\System32\\KERNELBASE.dll+2c13e"
            + "|C:\\Windows\\System32\\KERNEL32.DLL+17614|C:\\Windows\\SYSTEM32\\ntdll.dll+526f1";
    /** A call from memory no module owns: the mark of injected code. */
    private static final String INJECTED_TRACE = "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\System32\\KERNELBASE.dll+2c13e"
            + "|C:\\Windows\\System32\\dbghelp.dll+1b2f0|UNKNOWN(00000000001E0A12)";

    private record Access(Program source, Program target, String grantedAccess, boolean system) {
    }

    private static final Access[] EVERYDAY = {
        new Access(Programs.MSMPENG, Programs.CHROME, "0x1000", true),
        new Access(Programs.MSMPENG, Programs.SVCHOST, "0x1400", true),
        new Access(Programs.MSMPENG, Programs.LSASS, "0x1000", true),
        new Access(Programs.CSRSS, Programs.CHROME, "0x1fffff", true),
        new Access(Programs.CSRSS, Programs.CONHOST, "0x1fffff", true),
        new Access(Programs.SVCHOST, Programs.SVCHOST, "0x1000", true),
        new Access(Programs.WMIPRVSE, Programs.SVCHOST, "0x1410", true),
        new Access(Programs.CHROME, Programs.CHROME, "0x1000", false),
        new Access(Programs.EXPLORER, Programs.CHROME, "0x1000", false),
        new Access(Programs.CODE, Programs.NODE, "0x1000", false),
        new Access(Programs.MSBUILD, Programs.CSC, "0x1fffff", false),
    };
    private static final Access[] ATTACKS = {
        new Access(Programs.RUNDLL32, Programs.LSASS, "0x1010", false),
        new Access(Programs.DUMPER, Programs.LSASS, "0x1fffff", false),
        new Access(Programs.POWERSHELL, Programs.LSASS, "0x1438", false),
    };

    @Override
    public void write(JsonLine line, RandomValues values, Host host, Instant time, boolean attack) {
        Access access = attack ? ATTACKS[values.below(ATTACKS.length)] : EVERYDAY[values.below(EVERYDAY.length)];
        boolean systemTarget = access.system() || access.target() == Programs.LSASS;
        line.field("RuleName", "-");
        line.field("UtcTime", EventRenderer.SYSMON_TIME.format(time));
        line.field("SourceProcessGUID", values.guid());
        line.number("SourceProcessId", values.processId());
        line.number("SourceThreadId", values.processId() + 4);
        line.field("SourceImage", access.source().path());
        line.field("TargetProcessGUID", values.guid());
        line.number("TargetProcessId", values.processId());
        line.field("TargetImage", access.target().path());
        line.field("GrantedAccess", access.grantedAccess());
        line.field("CallTrace", attack ? INJECTED_TRACE : EVERYDAY_TRACE);
        line.field("SourceUser", access.system() ? "NT AUTHORITY\\SYSTEM" : host.user());
        line.field("TargetUser", systemTarget ? "NT AUTHORITY\\SYSTEM" : host.user());
    }
}
