package io.sigscan.rules.logsource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.compile.CompiledRuleSet;
import io.sigscan.rules.compile.TestEvent;

/**
 * Rules of several products over events identified as one product, as several, or as none: a
 * rule skips events identified only as another product, and nothing is held against an event
 * that carries no marker at all.
 */
class ProductGuardRoutingTest {
    private static final String RULES = """
            title: windows cmd
            logsource: {category: process_creation, product: windows}
            detection: {sel: {Image|endswith: cmd.exe}, condition: sel}
            ---
            title: linux bash
            logsource: {category: process_creation, product: linux}
            detection: {sel: {Image|endswith: /bash}, condition: sel}
            ---
            title: macos curl
            logsource: {category: process_creation, product: macos}
            detection: {sel: {CommandLine|contains: curl}, condition: sel}
            ---
            title: aws console login
            logsource: {product: aws, service: cloudtrail}
            detection: {sel: {eventName: ConsoleLogin}, condition: sel}
            ---
            title: cisco keyword
            logsource: {product: cisco, service: aaa}
            detection: {keywords: [curl], condition: keywords}
            ---
            title: zeek dns
            logsource: {product: zeek, service: dns}
            detection: {sel: {query|endswith: .evil.example}, condition: sel}
            ---
            title: webserver keyword
            logsource: {category: webserver}
            detection: {keywords: [curl], condition: keywords}
            """;

    private final CompiledRuleSet rules = RoutingFixtures.compileClean("guard.yml", RULES);

    private List<String> hits(UnaryOperator<TestEvent> event) {
        return RoutingFixtures.titlesMatching(rules, event.apply(TestEvent.of(rules.fields())));
    }

    @Test
    void aWindowsEventRunsOnlyWindowsRules() {
        assertEquals(List.of("windows cmd"), hits(event -> event
                .put("Channel", "Microsoft-Windows-Sysmon/Operational").putNumber("EventID", "1")
                .put("Image", "C:\\tools\\cmd.exe").put("CommandLine", "curl http://x/bash")));
        assertEquals(List.of(), hits(event -> event.put("Channel", "Security").put("eventName", "ConsoleLogin")
                .put("query", "a.evil.example")));
    }

    @Test
    void aSysmonForLinuxEventIsIdentifiedAsLinuxToo() {
        assertEquals(List.of("linux bash"), hits(event -> event.put("Channel", "Linux-Sysmon/Operational")
                .putNumber("EventID", "1").put("Image", "/usr/bin/bash")));
        assertEquals(List.of(), hits(event -> event.put("Channel", "Microsoft-Windows-Sysmon/Operational")
                .putNumber("EventID", "1").put("Image", "/usr/bin/bash")));
    }

    @Test
    void aCloudTrailRecordRunsOnlyAwsRules() {
        assertEquals(List.of("aws console login"), hits(event -> event.put("eventSource", "signin.amazonaws.com")
                .put("awsRegion", "us-east-1").put("eventType", "AwsConsoleSignIn").put("eventName", "ConsoleLogin")
                .put("Image", "x\\cmd.exe")));
        assertEquals(List.of(), hits(event -> event.put("eventSource", "signin.amazonaws.com")
                .put("awsRegion", "us-east-1").put("eventType", "AwsServiceEvent").put("eventName", "ConsoleLogin2")));
    }

    @Test
    void anEventIdentifiedAsNothingIsNotHeldBackFromAnyRule() {
        assertEquals(List.of("windows cmd", "macos curl", "aws console login", "cisco keyword", "webserver keyword"),
                hits(event -> event.put("Image", "cmd.exe").put("CommandLine", "curl -s")
                        .put("eventName", "ConsoleLogin")));
        assertEquals(List.of("zeek dns"), hits(event -> event.put("query", "c2.evil.example")));
    }

    @Test
    void aZeekLogIsRoutedByItsPath() {
        assertEquals(List.of("zeek dns"), hits(event -> event.put("_path", "dns").put("query", "c2.evil.example")));
        assertEquals(List.of(), hits(event -> event.put("_path", "http").put("query", "c2.evil.example")));
    }
}
