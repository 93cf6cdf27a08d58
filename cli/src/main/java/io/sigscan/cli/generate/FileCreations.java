package io.sigscan.cli.generate;

import java.time.Instant;
import java.util.Locale;

/** Sysmon event 11: caches, prefetch, downloads and build output; startup-folder drops and dumps. */
final class FileCreations implements EventData {
    private static final String[] ATTACHMENTS = {"invoice", "Q3-report", "minutes", "offer", "timesheet"};
    private static final String[] ATTACHMENT_TYPES = {".pdf", ".docx", ".xlsx"};
    private static final String[] PROJECTS = {"webapp", "billing-api", "design-system", "mobile-gateway"};

    @Override
    public void write(JsonLine line, RandomValues values, Host host, Instant time, boolean attack) {
        Program creator;
        String target;
        if (attack) {
            switch (values.below(3)) {
                case 0 -> {
                    creator = Programs.POWERSHELL;
                    target = host.home() + "AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\update.vbs";
                }
                case 1 -> {
                    creator = Programs.RUNDLL32;
                    target = "C:\\Windows\\Temp\\lsass.dmp";
                }
                default -> {
                    creator = Programs.CERTUTIL;
                    target = host.home() + "AppData\\Local\\Temp\\p.bin";
                }
            }
        } else {
            String hex = Integer.toHexString(0x10000000 + values.below(0x6FFFFFFF)).toUpperCase(Locale.ROOT);
            switch (values.below(7)) {
                case 0, 1 -> {
                    creator = Programs.CHROME;
                    target = host.home() + "AppData\\Local\\Google\\Chrome\\User Data\\Default\\Cache\\Cache_Data\\f_0"
                            + hex.substring(2).toLowerCase(Locale.ROOT);
                }
                case 2 -> {
                    creator = Programs.OUTLOOK;
                    target = host.home() + "AppData\\Local\\Microsoft\\Windows\\INetCache\\Content.Outlook\\" + hex + "\\"
                            + values.pick(ATTACHMENTS) + "_" + (1000 + values.below(9000)) + values.pick(ATTACHMENT_TYPES);
                }
                case 3 -> {
                    creator = Programs.SVCHOST;
                    target = "C:\\Windows\\Prefetch\\" + (values.below(2) == 0 ? "CHROME.EXE-" : "SVCHOST.EXE-") + hex + ".pf";
                }
                case 4 -> {
                    creator = Programs.CSC;
                    target = "C:\\src\\" + values.pick(PROJECTS) + "\\server\\obj\\Release\\Server.dll";
                }
                case 5 -> {
                    creator = Programs.NODE;
                    target = "C:\\src\\" + values.pick(PROJECTS) + "\\node_modules\\.cache\\webpack\\client-production\\"
                            + hex.toLowerCase(Locale.ROOT) + ".pack";
                }
                default -> {
                    creator = Programs.MSMPENG;
                    target = "C:\\ProgramData\\Microsoft\\Windows Defender\\Scans\\History\\Service\\DetectionHistory\\"
                            + hex + ".bin";
                }
            }
        }
        boolean system = creator == Programs.SVCHOST || creator == Programs.MSMPENG;
        line.field("RuleName", "-");
        line.field("UtcTime", EventRenderer.SYSMON_TIME.format(time));
        line.field("ProcessGuid", values.guid());
        line.number("ProcessId", values.processId());
        line.field("Image", creator.path());
        line.field("TargetFilename", target);
        line.field("CreationUtcTime", EventRenderer.SYSMON_TIME.format(time));
        line.field("User", system ? "NT AUTHORITY\\SYSTEM" : host.user());
    }
}
