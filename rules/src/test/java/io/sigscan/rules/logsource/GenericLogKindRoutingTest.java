package io.sigscan.rules.logsource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.compile.TestEvent;

/**
 * Rules for a kind of log without a product (web server, proxy, DNS, firewall, database, Apache,
 * nginx, NetFlow) over Windows event log records and over events without a channel: they skip the
 * channels that never carry that kind of log and run everywhere else.
 */
class GenericLogKindRoutingTest {
    private static final String RULES = """
            title: webserver
            logsource: {category: webserver}
            detection: {keywords: [needle], condition: keywords}
            ---
            title: proxy
            logsource: {category: proxy}
            detection: {keywords: [needle], condition: keywords}
            ---
            title: dns
            logsource: {category: dns}
            detection: {keywords: [needle], condition: keywords}
            ---
            title: firewall
            logsource: {category: firewall}
            detection: {keywords: [needle], condition: keywords}
            ---
            title: database
            logsource: {category: database}
            detection: {keywords: [needle], condition: keywords}
            ---
            title: apache
            logsource: {service: apache}
            detection: {keywords: [needle], condition: keywords}
            ---
            title: nginx
            logsource: {service: nginx}
            detection: {keywords: [needle], condition: keywords}
            ---
            title: netflow
            logsource: {service: netflow}
            detection: {keywords: [needle], condition: keywords}
            """;

    private final CompiledRuleSet rules = RoutingFixtures.compileClean("generic.yml", RULES);

    private List<String> hits(UnaryOperator<TestEvent> event) {
        return RoutingFixtures.titlesMatching(rules, event.apply(TestEvent.of(rules.fields()).put("Message", "a needle here")));
    }

    @Test
    void anEventWithoutAChannelRunsEveryKind() {
        assertEquals(List.of("webserver", "proxy", "dns", "firewall", "database", "apache", "nginx", "netflow"),
                hits(event -> event.put("cs-method", "GET")));
    }

    @Test
    void endpointChannelsRunNone() {
        assertEquals(List.of(), hits(event -> event.put("Channel", "Microsoft-Windows-Sysmon/Operational")
                .putNumber("EventID", "1")));
        assertEquals(List.of(), hits(event -> event.put("Channel", "Security").putNumber("EventID", "4688")));
        assertEquals(List.of(), hits(event -> event.put("Channel", "Linux-Sysmon/Operational").putNumber("EventID", "1")));
    }

    @Test
    void channelsCarryingAKindRunIt() {
        assertEquals(List.of("webserver"), hits(event -> event.put("Channel", "Microsoft-IIS-Logging/Logs")));
        assertEquals(List.of("dns"), hits(event -> event.put("Channel", "DNS Server").putNumber("EventID", "150")));
        assertEquals(List.of("dns"), hits(event -> event.put("Channel", "microsoft-windows-sysmon/operational")
                .putNumber("EventID", "22")));
        assertEquals(List.of("firewall"), hits(event -> event.put("Channel",
                "Microsoft-Windows-Windows Firewall With Advanced Security/Firewall").putNumber("EventID", "2004")));
        assertEquals(List.of("firewall"), hits(event -> event.put("Channel", "Security").putNumber("EventID", "5156")));
        assertEquals(List.of(), hits(event -> event.put("Channel", "Security").putNumber("EventID", "4624")));
        assertEquals(List.of("database"), hits(event -> event.put("Channel", "Application").putNumber("EventID", "33205")));
    }
}
