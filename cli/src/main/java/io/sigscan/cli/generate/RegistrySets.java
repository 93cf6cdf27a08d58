package io.sigscan.cli.generate;

import java.time.Instant;

/**
 * Sysmon event 13: the registry values Windows, Office and browsers write all day; Run-key
 * persistence, Defender exclusions and WDigest re-enabled by attackers.
 */
final class RegistrySets implements EventData {
    private static final String[] DOCUMENT_TYPES = {".docx", ".xlsx", ".pdf", ".txt", ".pptx"};
    private static final String[] BAM_PROGRAMS = {
        "\\Device\\HarddiskVolume3\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
        "\\Device\\HarddiskVolume3\\Windows\\System32\\cmd.exe",
        "\\Device\\HarddiskVolume3\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE",
        "\\Device\\HarddiskVolume3\\Windows\\explorer.exe",
    };

    @Override
    public void write(JsonLine line, RandomValues values, Host host, Instant time, boolean attack) {
        String userHive = "HKU\\" + EventRenderer.userSid(host.user());
        Program writer;
        String target;
        String details;
        if (attack) {
            switch (values.below(3)) {
                case 0 -> {
                    writer = Programs.POWERSHELL;
                    target = userHive + "\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\OneDriveUpdate";
                    details = "C:\\Users\\Public\\odupdate.exe -silent";
                }
                case 1 -> {
                    writer = Programs.POWERSHELL;
                    target = "HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions\\Paths\\C:\\Users\\Public";
                    details = "DWORD (0x00000000)";
                }
                default -> {
                    writer = Programs.REG;
                    target = "HKLM\\System\\CurrentControlSet\\Control\\SecurityProviders\\WDigest\\UseLogonCredential";
                    details = "DWORD (0x00000001)";
                }
            }
        } else {
            switch (values.below(6)) {
                case 0, 1 -> {
                    writer = Programs.SVCHOST;
                    target = "HKLM\\System\\CurrentControlSet\\Services\\bam\\State\\UserSettings\\"
                            + EventRenderer.userSid(host.user()) + "\\" + values.pick(BAM_PROGRAMS);
                    details = "Binary Data";
                }
                case 2 -> {
                    writer = Programs.EXPLORER;
                    target = userHive + "\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RecentDocs\\"
                            + values.pick(DOCUMENT_TYPES) + "\\" + values.below(30);
                    details = "Binary Data";
                }
                case 3 -> {
                    writer = Programs.CHROME;
                    target = userHive + "\\Software\\Google\\Chrome\\BLBeacon\\state";
                    details = "DWORD (0x0000000" + values.below(3) + ")";
                }
                case 4 -> {
                    writer = Programs.MSMPENG;
                    target = "HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Signature Updates\\SignaturesLastUpdated";
                    details = "QWORD (0x01da6c" + Integer.toHexString(0x10 + values.below(0xE0)) + "-0x"
                            + Integer.toHexString(0x10000000 + values.below(0x6FFFFFFF)) + ")";
                }
                default -> {
                    writer = Programs.OUTLOOK;
                    target = userHive + "\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook\\"
                            + "9375CFF0413111d3B88A00104B2A6676\\0000000" + (1 + values.below(8)) + "\\Last Change Ver";
                    details = "QWORD (0x00000000-0x000" + Integer.toHexString(0x10000 + values.below(0xEFFFF)) + ")";
                }
            }
        }
        boolean system = writer == Programs.SVCHOST || writer == Programs.MSMPENG;
        line.field("RuleName", "-");
        line.field("EventType", "SetValue");
        line.field("UtcTime", EventRenderer.SYSMON_TIME.format(time));
        line.field("ProcessGuid", values.guid());
        line.number("ProcessId", values.processId());
        line.field("Image", writer.path());
        line.field("TargetObject", target);
        line.field("Details", details);
        line.field("User", system ? "NT AUTHORITY\\SYSTEM" : host.user());
    }
}
