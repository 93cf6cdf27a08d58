package io.sigscan.cli.generate;

import java.util.List;
import java.util.Random;

/**
 * The everyday process starts of an office and a development team: services, browsers,
 * editors, git, node builds, MSBuild. Weighted so that a sample looks like a real log's mix.
 */
final class BenignActivity {

    private static final String SYSTEM = "NT AUTHORITY\\SYSTEM";
    private static final String[] SERVICE_GROUPS = {
        "-k netsvcs -p -s Schedule", "-k LocalServiceNetworkRestricted -p -s EventLog",
        "-k netsvcs -p -s gpsvc", "-k NetworkService -p -s Dnscache", "-k LocalSystemNetworkRestricted -p -s SysMain",
        "-k wusvcs -p -s WaaSMedicSvc", "-k UnistackSvcGroup -s CDPUserSvc_4a1c2", "-k netsvcs -p -s BITS",
    };
    private static final String[] GIT_COMMANDS = {
        "status -z -uall", "fetch --prune", "rev-parse --show-toplevel", "log --oneline -n 50",
        "diff --cached --stat", "for-each-ref --format=%(refname) refs/heads",
    };
    private static final String[] NODE_TOOLS = {
        "node_modules\\webpack\\bin\\webpack.js --mode production", "node_modules\\typescript\\bin\\tsc -p tsconfig.json",
        "node_modules\\jest\\bin\\jest.js --ci --maxWorkers=2", "node_modules\\eslint\\bin\\eslint.js src --ext .ts",
        "node_modules\\vite\\bin\\vite.js build",
    };
    private static final String[] NPM_SCRIPTS = {"install", "ci", "run build", "test", "run lint"};
    private static final String[] PROJECTS = {"webapp", "billing-api", "design-system", "mobile-gateway"};

    private interface Scenario {
        Launch launch(Random random, Host host);
    }

    /** Which machines a scenario happens on. */
    private enum Audience {
        /** Every machine: services and system housekeeping. */
        ANY,
        /** Machines with a person at the keyboard: browsers, mail, explorer. */
        PEOPLE,
        /** Developer workstations only: the editor. */
        DEVELOPERS,
        /** Developer workstations and build agents: git, node, MSBuild. */
        BUILDERS;

        boolean includes(Host host) {
            return switch (this) {
                case ANY -> true;
                case PEOPLE -> !host.buildAgent();
                case DEVELOPERS -> host.developer();
                case BUILDERS -> host.developer() || host.buildAgent();
            };
        }
    }

    private record Weighted(int weight, Audience audience, Scenario scenario) {
    }

    private static final List<Weighted> SCENARIOS = List.of(
            new Weighted(12, Audience.ANY, (r, h) -> system(h, Programs.SERVICES, "C:\\Windows\\system32\\services.exe",
                    Programs.SVCHOST, "C:\\Windows\\system32\\svchost.exe " + pick(r, SERVICE_GROUPS))),
            new Weighted(4, Audience.ANY, (r, h) -> system(h, Programs.SVCHOST, "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule",
                    Programs.TASKHOSTW, "taskhostw.exe Install $(Arg0)")),
            new Weighted(3, Audience.PEOPLE, (r, h) -> user(h, Programs.SVCHOST, "C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p",
                    Programs.BACKGROUND_TASK_HOST, "\"C:\\Windows\\system32\\backgroundTaskHost.exe\" -ServerName:App.AppXmtcan0h2tfbfy7k9kn8hbxb6dmzz1zh0.mca",
                    "C:\\Windows\\system32\\")),
            new Weighted(4, Audience.PEOPLE, (r, h) -> user(h, Programs.SVCHOST, "C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p",
                    Programs.RUNTIME_BROKER, "C:\\Windows\\System32\\RuntimeBroker.exe -Embedding", "C:\\Windows\\system32\\")),
            new Weighted(3, Audience.ANY, (r, h) -> system(h, Programs.SVCHOST, "C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p",
                    Programs.WMIPRVSE, "C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding")),
            new Weighted(1, Audience.ANY, (r, h) -> system(h, Programs.SVCHOST, "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule",
                    Programs.MPCMDRUN, "\"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MpCmdRun.exe\" -IdleTask -TaskName WdCacheMaintenance")),
            new Weighted(6, Audience.PEOPLE, (r, h) -> user(h, Programs.EXPLORER, "C:\\Windows\\Explorer.EXE",
                    Programs.CHROME, "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\"", h.home())),
            new Weighted(16, Audience.PEOPLE, (r, h) -> user(h, Programs.CHROME, "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\"",
                    Programs.CHROME, "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=renderer --lang=en-US"
                            + " --renderer-client-id=" + (5 + r.nextInt(400)) + " --launch-time-ticks=" + r.nextInt(Integer.MAX_VALUE)
                            + " /prefetch:1",
                    "C:\\Program Files\\Google\\Chrome\\Application\\")),
            new Weighted(3, Audience.PEOPLE, (r, h) -> user(h, Programs.EXPLORER, "C:\\Windows\\Explorer.EXE",
                    Programs.OUTLOOK, "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" /recycle", h.home())),
            new Weighted(2, Audience.PEOPLE, (r, h) -> user(h, Programs.EXPLORER, "C:\\Windows\\Explorer.EXE",
                    Programs.TEAMS, "\"ms-teams.exe\" msteams:system-initiated", h.home())),
            new Weighted(1, Audience.PEOPLE, (r, h) -> user(h, Programs.EXPLORER, "C:\\Windows\\Explorer.EXE",
                    Programs.NOTEPAD, "\"C:\\Windows\\system32\\NOTEPAD.EXE\" " + h.home() + "Documents\\notes.txt", h.home())),
            new Weighted(1, Audience.PEOPLE, (r, h) -> user(h, Programs.USERINIT, "C:\\Windows\\system32\\userinit.exe",
                    Programs.EXPLORER, "C:\\Windows\\Explorer.EXE", "C:\\Windows\\system32\\")),
            new Weighted(1, Audience.PEOPLE, (r, h) -> user(h, Programs.EXPLORER, "C:\\Windows\\Explorer.EXE",
                    Programs.CMD, "\"C:\\Windows\\system32\\cmd.exe\"", h.home())),
            new Weighted(4, Audience.PEOPLE, (r, h) -> user(h, Programs.CMD, "\"C:\\Windows\\system32\\cmd.exe\"",
                    Programs.CONHOST, "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1", "C:\\Windows")),
            new Weighted(1, Audience.PEOPLE, (r, h) -> user(h, Programs.EXPLORER, "C:\\Windows\\Explorer.EXE",
                    Programs.POWERSHELL, "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoProfile -Command"
                            + " \"Get-Service | Where-Object Status -eq 'Running'\"", h.home())),
            new Weighted(2, Audience.DEVELOPERS, (r, h) -> user(h, Programs.EXPLORER, "C:\\Windows\\Explorer.EXE",
                    Programs.CODE, "\"C:\\Program Files\\Microsoft VS Code\\Code.exe\"", h.home())),
            new Weighted(5, Audience.DEVELOPERS, (r, h) -> user(h, Programs.CODE, "\"C:\\Program Files\\Microsoft VS Code\\Code.exe\"",
                    Programs.CODE, "\"C:\\Program Files\\Microsoft VS Code\\Code.exe\" --type=utility --utility-sub-type=node.mojom.NodeService"
                            + " --service-sandbox-type=none",
                    project(r))),
            new Weighted(6, Audience.DEVELOPERS, (r, h) -> user(h, Programs.CODE, "\"C:\\Program Files\\Microsoft VS Code\\Code.exe\"",
                    Programs.GIT, "\"C:\\Program Files\\Git\\cmd\\git.exe\" " + pick(r, GIT_COMMANDS), project(r))),
            new Weighted(2, Audience.BUILDERS, (r, h) -> user(h, Programs.GIT, "git fetch --prune",
                    Programs.GIT_REMOTE_HTTPS, "git-remote-https origin https://git.corp.example.com/web/" + pick(r, PROJECTS) + ".git",
                    project(r))),
            new Weighted(4, Audience.BUILDERS, (r, h) -> {
                String script = pick(r, NPM_SCRIPTS);
                return user(h, Programs.NPM_CMD, "\"C:\\Program Files\\nodejs\\npm.cmd\" " + script,
                        Programs.NODE, "\"C:\\Program Files\\nodejs\\node.exe\" \"C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js\" "
                                + script, project(r));
            }),
            new Weighted(6, Audience.BUILDERS, (r, h) -> user(h, Programs.NODE, "\"C:\\Program Files\\nodejs\\node.exe\" \"C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js\" run build",
                    Programs.NODE, "\"C:\\Program Files\\nodejs\\node.exe\" " + pick(r, NODE_TOOLS), project(r))),
            new Weighted(2, Audience.BUILDERS, (r, h) -> user(h, Programs.NODE, "\"C:\\Program Files\\nodejs\\node.exe\" node_modules\\vite\\bin\\vite.js build",
                    Programs.ESBUILD, "C:\\src\\webapp\\node_modules\\@esbuild\\win32-x64\\esbuild.exe --service=0.21.5 --ping", project(r))),
            new Weighted(1, Audience.BUILDERS, (r, h) -> user(h, Programs.NODE, "\"C:\\Program Files\\nodejs\\node.exe\" node_modules\\husky\\lib\\bin.js",
                    Programs.GIT, "git rev-parse --git-dir", project(r))),
            new Weighted(3, Audience.BUILDERS, (r, h) -> user(h, h.buildAgent() ? Programs.BUILD_AGENT : Programs.CMD,
                    h.buildAgent() ? "C:\\agent\\bin\\Agent.Worker.exe spawnclient 3612 3616" : "\"C:\\Windows\\system32\\cmd.exe\"",
                    Programs.MSBUILD, "\"" + Programs.MSBUILD.path() + "\" /nologo /m /p:Configuration=Release " + "C:\\src\\"
                            + pick(r, PROJECTS) + "\\server\\Server.sln", project(r))),
            new Weighted(3, Audience.BUILDERS, (r, h) -> user(h, Programs.MSBUILD, "MSBuild.exe /nologo /nodemode:1 /nodeReuse:true",
                    Programs.CSC, "\"" + Programs.CSC.path() + "\" /noconfig /unsafe- /checked- /nowarn:1701,1702 /fullpaths"
                            + " /nostdlib+ /errorreport:prompt /warn:7 /define:TRACE;RELEASE /optimize+ @obj\\Release\\csc.rsp",
                    project(r))));


    private BenignActivity() {
    }

    /** A process start typical of the host: developer tooling only on developer machines. */
    static Launch next(Random random, Host host) {
        int ticket = random.nextInt(totalWeight(host));
        for (Weighted candidate : SCENARIOS) {
            if (!candidate.audience().includes(host)) {
                continue;
            }
            ticket -= candidate.weight();
            if (ticket < 0) {
                return candidate.scenario().launch(random, host);
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    private static int totalWeight(Host host) {
        int total = 0;
        for (Weighted candidate : SCENARIOS) {
            if (candidate.audience().includes(host)) {
                total += candidate.weight();
            }
        }
        return total;
    }

    private static Launch system(Host host, Program parent, String parentCommandLine, Program child, String commandLine) {
        return new Launch(host, SYSTEM, parent, parentCommandLine, child, commandLine, "C:\\Windows\\system32\\", "System");
    }

    private static Launch user(Host host, Program parent, String parentCommandLine, Program child, String commandLine,
                               String currentDirectory) {
        return new Launch(host, host.user(), parent, parentCommandLine, child, commandLine, currentDirectory, "Medium");
    }

    private static String project(Random random) {
        return "C:\\src\\" + pick(random, PROJECTS) + "\\";
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
