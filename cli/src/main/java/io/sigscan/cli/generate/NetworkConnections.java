package io.sigscan.cli.generate;

import java.time.Instant;

/** Sysmon event 3: outbound connections of browsers, Office, Windows services and build tools. */
final class NetworkConnections implements EventData {

    private record Peer(Program program, boolean system, String protocol, String ipPrefix, String hostname, int port,
                        String portName) {
    }

    private static final Peer[] EVERYDAY = {
        new Peer(Programs.CHROME, false, "tcp", "142.250.", "lhr48s27-in-f14.1e100.net", 443, "https"),
        new Peer(Programs.CHROME, false, "tcp", "151.101.", "-", 443, "https"),
        new Peer(Programs.CHROME, false, "udp", "142.250.", "-", 443, "https"),
        new Peer(Programs.TEAMS, false, "tcp", "52.113.", "-", 443, "https"),
        new Peer(Programs.OUTLOOK, false, "tcp", "52.97.", "outlook.office365.com", 443, "https"),
        new Peer(Programs.SVCHOST, true, "udp", "10.0.0.", "dc01.corp.example.com", 53, "domain"),
        new Peer(Programs.LSASS, true, "tcp", "10.0.0.", "dc01.corp.example.com", 88, "kerberos"),
        new Peer(Programs.SVCHOST, true, "tcp", "13.107.4.", "-", 80, "http"),
        new Peer(Programs.MPCMDRUN, true, "tcp", "20.42.", "-", 443, "https"),
        new Peer(Programs.GIT_REMOTE_HTTPS, false, "tcp", "10.20.0.", "git.corp.example.com", 443, "https"),
        new Peer(Programs.NODE, false, "tcp", "104.16.", "registry.npmjs.org", 443, "https"),
        new Peer(Programs.CODE, false, "tcp", "13.107.", "-", 443, "https"),
    };
    /** Command and control: PowerShell on a reverse-shell port, rundll32 beaconing, certutil fetching. */
    private static final Peer[] ATTACKS = {
        new Peer(Programs.POWERSHELL, false, "tcp", "203.0.113.", "-", 4444, "-"),
        new Peer(Programs.RUNDLL32, false, "tcp", "198.51.100.", "update-cdn.example.org", 443, "https"),
        new Peer(Programs.CERTUTIL, false, "tcp", "203.0.113.", "-", 80, "http"),
    };

    @Override
    public void write(JsonLine line, RandomValues values, Host host, Instant time, boolean attack) {
        Peer peer = attack ? ATTACKS[values.below(ATTACKS.length)] : EVERYDAY[values.below(EVERYDAY.length)];
        line.field("RuleName", "-");
        line.field("UtcTime", EventRenderer.SYSMON_TIME.format(time));
        line.field("ProcessGuid", values.guid());
        line.number("ProcessId", values.processId());
        line.field("Image", peer.program().path());
        line.field("User", peer.system() ? "NT AUTHORITY\\SYSTEM" : host.user());
        line.field("Protocol", peer.protocol());
        line.field("Initiated", "true");
        line.field("SourceIsIpv6", "false");
        line.field("SourceIp", host.address());
        line.field("SourceHostname", host.name());
        line.number("SourcePort", 49152 + values.below(16384));
        line.field("SourcePortName", "-");
        line.field("DestinationIsIpv6", "false");
        line.field("DestinationIp", peer.ipPrefix() + (1 + values.below(254)));
        line.field("DestinationHostname", peer.hostname());
        line.number("DestinationPort", peer.port());
        line.field("DestinationPortName", peer.portName());
    }
}
