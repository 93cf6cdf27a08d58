package io.sigscan.cli.generate;

import java.time.Instant;

/** Sysmon event 7: the system DLLs every process loads, and a few side-loads and odd loaders. */
final class ImageLoads implements EventData {
    private static final String WINDOWS_PRODUCT = "Microsoft\u00ae Windows\u00ae Operating System";
    private static final String WINDOWS_VERSION = "10.0.19041.3636 (WinBuild.160101.0800)";
    private static final String CLR = "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\clr.dll";

    private record Library(String path, String description, String originalFileName) {
    }

    private static final Library[] SYSTEM_LIBRARIES = {
        new Library("C:\\Windows\\System32\\ntdll.dll", "NT Layer DLL", "ntdll.dll"),
        new Library("C:\\Windows\\System32\\kernel32.dll", "Windows NT BASE API Client DLL", "kernel32"),
        new Library("C:\\Windows\\System32\\KernelBase.dll", "Windows NT BASE API Client DLL", "Kernelbase.dll"),
        new Library("C:\\Windows\\System32\\user32.dll", "Multi-User Windows USER API Client DLL", "user32"),
        new Library("C:\\Windows\\System32\\combase.dll", "Microsoft COM for Windows", "COMBASE.DLL"),
        new Library("C:\\Windows\\System32\\ws2_32.dll", "Windows Socket 2.0 32-Bit DLL", "ws2_32.dll"),
        new Library("C:\\Windows\\System32\\crypt32.dll", "Crypto API32", "CRYPT32.DLL"),
        new Library("C:\\Windows\\System32\\bcrypt.dll", "Windows Cryptographic Primitives Library", "BCRYPT.DLL"),
        new Library("C:\\Windows\\System32\\winhttp.dll", "Windows HTTP Services", "winhttp.dll"),
        new Library("C:\\Windows\\System32\\dnsapi.dll", "DNS Client API DLL", "dnsapi"),
        new Library("C:\\Windows\\System32\\mswsock.dll", "Microsoft Windows Sockets 2.0 Service Provider", "mswsock.dll"),
        new Library("C:\\Windows\\System32\\uxtheme.dll", "Microsoft UxTheme Library", "UxTheme.dll"),
        new Library("C:\\Windows\\System32\\propsys.dll", "Microsoft Property System", "PROPSYS.DLL"),
        new Library("C:\\Windows\\System32\\amsi.dll", "Anti-Malware Scan Interface", "amsi.dll"),
    };
    private static final Program[] LOADERS = {
        Programs.CHROME, Programs.CHROME, Programs.TEAMS, Programs.OUTLOOK, Programs.EXPLORER, Programs.SVCHOST,
        Programs.SVCHOST, Programs.RUNTIME_BROKER, Programs.CODE, Programs.NODE, Programs.MSBUILD, Programs.CONHOST,
    };

    @Override
    public void write(JsonLine line, RandomValues values, Host host, Instant time, boolean attack) {
        Program loader;
        Library library;
        boolean signed = true;
        if (attack) {
            switch (values.below(3)) {
                case 0 -> {
                    // DLL search-order hijack: a planted version.dll beside a signed executable.
                    loader = Programs.ONEDRIVE;
                    library = new Library(host.home() + "AppData\\Local\\Microsoft\\OneDrive\\version.dll", "-", "-");
                    signed = false;
                }
                case 1 -> {
                    // HTML application running .NET code (DotNetToJScript and friends).
                    loader = Programs.MSHTA;
                    library = new Library(CLR, "Microsoft .NET Runtime Common Language Runtime - WorkStation", "clr.dll");
                }
                default -> {
                    // MiniDump through comsvcs.dll, the usual LSASS-dumping one-liner.
                    loader = Programs.RUNDLL32;
                    library = new Library("C:\\Windows\\System32\\comsvcs.dll", "COM+ Services", "comsvcs.dll");
                }
            }
        } else {
            loader = LOADERS[values.below(LOADERS.length)];
            library = loader == Programs.MSBUILD && values.below(2) == 0
                    ? new Library(CLR, "Microsoft .NET Runtime Common Language Runtime - WorkStation", "clr.dll")
                    : SYSTEM_LIBRARIES[values.below(SYSTEM_LIBRARIES.length)];
        }
        boolean system = loader == Programs.SVCHOST;
        line.field("RuleName", "-");
        line.field("UtcTime", EventRenderer.SYSMON_TIME.format(time));
        line.field("ProcessGuid", values.guid());
        line.number("ProcessId", values.processId());
        line.field("Image", loader.path());
        line.field("ImageLoaded", library.path());
        line.field("FileVersion", signed ? WINDOWS_VERSION : "-");
        line.field("Description", library.description());
        line.field("Product", signed ? WINDOWS_PRODUCT : "-");
        line.field("Company", signed ? "Microsoft Corporation" : "-");
        line.field("OriginalFileName", library.originalFileName());
        line.field("Hashes", values.hashesOf(library.path()));
        line.field("Signed", signed ? "true" : "false");
        line.field("Signature", signed ? "Microsoft Windows" : "-");
        line.field("SignatureStatus", signed ? "Valid" : "Unavailable");
        line.field("User", system ? "NT AUTHORITY\\SYSTEM" : host.user());
    }
}
