package io.sigscan.cli.generate;

import java.time.Instant;

/**
 * Security event 4624: service, network (Kerberos), interactive and unlock logons; pass-the-hash
 * (NTLM network logon without a session key) and overpass-the-hash ({@code seclogo}, type 9).
 */
final class Logons implements EventData {
    private static final String NULL_GUID = "{00000000-0000-0000-0000-000000000000}";

    @Override
    public void write(JsonLine line, RandomValues values, Host host, Instant time, boolean attack) {
        String user = host.user();
        String account = EventRenderer.accountName(user);
        int shape = attack ? 4 + values.below(2) : values.below(4);
        boolean service = shape == 0;
        boolean network = shape == 1 || shape == 4;
        String logonType;
        String process;
        String processId;
        String logonProcess;
        String authentication;
        switch (shape) {
            case 0 -> {
                logonType = "5";
                process = Programs.SERVICES.path();
                processId = "0x2d0";
                logonProcess = "Advapi  ";
                authentication = "Negotiate";
            }
            case 1 -> {
                logonType = "3";
                process = "-";
                processId = "0x0";
                logonProcess = "Kerberos";
                authentication = "Kerberos";
            }
            case 2, 3 -> {
                logonType = shape == 2 ? "2" : "7";
                process = Programs.SVCHOST.path();
                processId = "0x" + Integer.toHexString(values.processId());
                logonProcess = "User32 ";
                authentication = "Negotiate";
            }
            case 4 -> {
                logonType = "3";
                process = "-";
                processId = "0x0";
                logonProcess = "NtLmSsp ";
                authentication = "NTLM";
            }
            default -> {
                logonType = "9";
                process = Programs.SVCHOST.path();
                processId = "0x" + Integer.toHexString(values.processId());
                logonProcess = "seclogo";
                authentication = "Negotiate";
            }
        }
        boolean subjectIsMachine = shape == 0 || shape == 2 || shape == 3;
        line.field("Keywords", "Audit Success");
        line.field("SubjectUserSid", subjectIsMachine ? "S-1-5-18" : network ? "S-1-0-0" : EventRenderer.userSid(user));
        line.field("SubjectUserName", subjectIsMachine ? host.shortName() + "$" : network ? "-" : account);
        line.field("SubjectDomainName", network ? "-" : "CORP");
        line.field("SubjectLogonId", subjectIsMachine ? "0x3e7" : network ? "0x0" : values.userLogonId());
        line.field("TargetUserSid", service ? "S-1-5-18" : EventRenderer.userSid(user));
        line.field("TargetUserName", service ? "SYSTEM" : account);
        line.field("TargetDomainName", service ? "NT AUTHORITY" : "CORP");
        line.field("TargetLogonId", service ? "0x3e7" : values.userLogonId());
        line.field("LogonType", logonType);
        line.field("LogonProcessName", logonProcess);
        line.field("AuthenticationPackageName", authentication);
        line.field("WorkstationName", shape == 4 ? "WIN-7H3K2Q9LD0B" : network ? "-" : host.shortName());
        line.field("LogonGuid", shape == 1 ? values.guid() : NULL_GUID);
        line.field("TransmittedServices", "-");
        line.field("LmPackageName", shape == 4 ? "NTLM V2" : "-");
        line.number("KeyLength", 0);
        line.field("ProcessId", processId);
        line.field("ProcessName", process);
        line.field("IpAddress", network ? (shape == 4 ? "10.1.250.66" : host.address()) : service ? "-" : "127.0.0.1");
        line.field("IpPort", network ? Integer.toString(49152 + values.below(16384)) : service ? "-" : "0");
        line.field("ImpersonationLevel", "%%1833");
        line.field("RestrictedAdminMode", "-");
        line.field("TargetOutboundUserName", shape == 5 ? account : "-");
        line.field("TargetOutboundDomainName", shape == 5 ? "CORP" : "-");
        line.field("VirtualAccount", "%%1843");
        line.field("TargetLinkedLogonId", "0x0");
        line.field("ElevatedToken", service || shape == 5 ? "%%1842" : "%%1843");
    }
}
