package io.sigscan.cli.generate;

/** The executables the generated telemetry talks about. */
final class Programs {
    static final Program SERVICES = Program.microsoft("C:\\Windows\\System32\\services.exe",
            "Services and Controller app", "services.exe");
    static final Program SVCHOST = Program.microsoft("C:\\Windows\\System32\\svchost.exe",
            "Host Process for Windows Services", "svchost.exe");
    static final Program TASKHOSTW = Program.microsoft("C:\\Windows\\System32\\taskhostw.exe",
            "Host Process for Windows Tasks", "taskhostw.exe");
    static final Program BACKGROUND_TASK_HOST = Program.microsoft("C:\\Windows\\System32\\backgroundTaskHost.exe",
            "Background Task Host", "backgroundTaskHost.exe");
    static final Program RUNTIME_BROKER = Program.microsoft("C:\\Windows\\System32\\RuntimeBroker.exe",
            "Runtime Broker", "RuntimeBroker.exe");
    static final Program WMIPRVSE = Program.microsoft("C:\\Windows\\System32\\wbem\\WmiPrvSE.exe",
            "WMI Provider Host", "Wmiprvse.exe");
    static final Program EXPLORER = Program.microsoft("C:\\Windows\\explorer.exe",
            "Windows Explorer", "EXPLORER.EXE");
    static final Program USERINIT = Program.microsoft("C:\\Windows\\System32\\userinit.exe",
            "Userinit Logon Application", "USERINIT.EXE");
    static final Program CMD = Program.microsoft("C:\\Windows\\System32\\cmd.exe",
            "Windows Command Processor", "Cmd.Exe");
    static final Program CONHOST = Program.microsoft("C:\\Windows\\System32\\conhost.exe",
            "Console Window Host", "CONHOST.EXE");
    static final Program POWERSHELL = Program.microsoft(
            "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "Windows PowerShell", "PowerShell.EXE");
    static final Program WHOAMI = Program.microsoft("C:\\Windows\\System32\\whoami.exe",
            "whoami - displays logged on user information", "whoami.exe");
    static final Program CERTUTIL = Program.microsoft("C:\\Windows\\System32\\certutil.exe",
            "CertUtil.exe", "CertUtil.exe");
    static final Program NOTEPAD = Program.microsoft("C:\\Windows\\System32\\notepad.exe",
            "Notepad", "NOTEPAD.EXE");
    static final Program MPCMDRUN = Program.microsoft(
            "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MpCmdRun.exe",
            "Microsoft Malware Protection Command Line Utility", "MpCmdRun.exe");
    static final Program CHROME = new Program("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
            "Google Chrome", "Google LLC", "chrome.exe");
    static final Program OUTLOOK = Program.microsoft(
            "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", "Microsoft Outlook", "Outlook.exe");
    static final Program TEAMS = Program.microsoft(
            "C:\\Program Files\\WindowsApps\\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe\\ms-teams.exe",
            "Microsoft Teams", "ms-teams.exe");
    static final Program CODE = Program.microsoft(
            "C:\\Program Files\\Microsoft VS Code\\Code.exe", "Visual Studio Code", "electron.exe");
    static final Program GIT = new Program("C:\\Program Files\\Git\\cmd\\git.exe", "Git for Windows",
            "The Git Development Community", "git.exe");
    static final Program GIT_REMOTE_HTTPS = new Program(
            "C:\\Program Files\\Git\\mingw64\\libexec\\git-core\\git-remote-https.exe", "Git for Windows",
            "The Git Development Community", "git-remote-https.exe");
    static final Program NODE = new Program("C:\\Program Files\\nodejs\\node.exe", "Node.js JavaScript Runtime",
            "Node.js", "node.exe");
    static final Program NPM_CMD = Program.bare("C:\\Program Files\\nodejs\\npm.cmd");
    static final Program ESBUILD = Program.bare(
            "C:\\src\\webapp\\node_modules\\@esbuild\\win32-x64\\esbuild.exe");
    static final Program MSBUILD = Program.microsoft(
            "C:\\Program Files\\Microsoft Visual Studio\\2022\\BuildTools\\MSBuild\\Current\\Bin\\amd64\\MSBuild.exe",
            "MSBuild.exe", "MSBuild.exe");
    static final Program CSC = Program.microsoft(
            "C:\\Program Files\\Microsoft Visual Studio\\2022\\BuildTools\\MSBuild\\Current\\Bin\\Roslyn\\csc.exe",
            "Visual C# Command Line Compiler", "csc.exe");
    static final Program BUILD_AGENT = Program.bare("C:\\agent\\bin\\Agent.Worker.exe");
    static final Program RUNDLL32 = Program.microsoft("C:\\Windows\\System32\\rundll32.exe",
            "Windows host process (Rundll32)", "RUNDLL32.EXE");
    static final Program MSHTA = Program.microsoft("C:\\Windows\\System32\\mshta.exe",
            "Microsoft (R) HTML Application host", "MSHTA.EXE");
    static final Program REG = Program.microsoft("C:\\Windows\\System32\\reg.exe",
            "Registry Console Tool", "reg.exe");
    static final Program LSASS = Program.microsoft("C:\\Windows\\System32\\lsass.exe",
            "Local Security Authority Process", "lsass.exe");
    static final Program CSRSS = Program.microsoft("C:\\Windows\\System32\\csrss.exe",
            "Client Server Runtime Process", "CSRSS.Exe");
    static final Program WINLOGON = Program.microsoft("C:\\Windows\\System32\\winlogon.exe",
            "Windows Logon Application", "WINLOGON.EXE");
    static final Program MSMPENG = Program.microsoft(
            "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe",
            "Antimalware Service Executable", "MsMpEng.exe");
    static final Program ONEDRIVE = Program.microsoft(
            "C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe", "Microsoft OneDrive", "OneDrive.exe");
    /** Sysinternals ProcDump, renamed and dropped in a public folder. */
    static final Program DUMPER = new Program("C:\\Users\\Public\\pd64.exe", "ProcDump - Sysinternals process dump utility",
            "Sysinternals - www.sysinternals.com", "procdump");
    /** A look-alike of node.exe under a different name: must not be taken for node. */
    static final Program MY_NODE = Program.bare("C:\\tools\\mynode.exe");
    /** A renamed copy of PowerShell whose name only starts like the real one. */
    static final Program POWERSHELL_BACKUP = Program.bare("C:\\Users\\Public\\powershell.exe.bak");

    private Programs() {
    }
}
