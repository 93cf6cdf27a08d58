package io.sigscan.cli.generate;

/** An event provider as Windows names it: its name and its GUID in braces. */
record Provider(String name, String guid) {
    static final Provider SYSMON = new Provider("Microsoft-Windows-Sysmon", "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}");
    static final Provider SECURITY = new Provider("Microsoft-Windows-Security-Auditing",
            "{54849625-5478-4994-A5BA-3E3B0328C30D}");
    static final Provider POWERSHELL = new Provider("Microsoft-Windows-PowerShell",
            "{A0C1853B-5C40-4B15-8766-3CF1C58F985A}");
}
