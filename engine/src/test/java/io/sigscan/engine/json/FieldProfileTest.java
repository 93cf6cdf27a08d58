package io.sigscan.engine.json;

import static io.sigscan.engine.Fixtures.matchedTitles;
import static io.sigscan.engine.Fixtures.sigmaRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.sigscan.engine.ScanOptions;
import io.sigscan.rules.compile.CompiledRuleSet;

/**
 * The same Sysmon event 1 as a flat NXLog export, as a nested EVTX-to-JSON dump and as a
 * Winlogbeat / ECS document matches the same rules, and the same near misses miss in each shape.
 */
class FieldProfileTest {
    private static final CompiledRuleSet RULES = sigmaRules("""
            title: encoded powershell from word
            logsource: {category: process_creation, product: windows}
            detection:
              sel:
                Image|endswith: '\\powershell.exe'
                CommandLine|contains: ' -enc '
                ParentImage|endswith: '\\winword.exe'
              condition: sel
            ---
            title: sysmon channel on a known host
            logsource: {product: windows, service: sysmon}
            detection: {sel: {EventID: 1, Computer: 'ws1.corp.example'}, condition: sel}
            ---
            title: security 4688 only
            logsource: {product: windows, service: security}
            detection: {sel: {EventID: 4688}, condition: sel}
            """);

    private static final String FLAT = """
            {"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":1,"Computer":"ws1.corp.example",\
            "Image":"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe",\
            "CommandLine":"powershell.exe -nop -enc SQBFAFgA","ParentImage":"C:\\\\Program Files\\\\Office\\\\WINWORD.EXE"}
            """;
    private static final String EVTX_DUMP = """
            {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Sysmon"}},"EventID":1,\
            "Channel":"Microsoft-Windows-Sysmon/Operational","Computer":"ws1.corp.example"},\
            "EventData":{"Image":"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe",\
            "CommandLine":"powershell.exe -nop -enc SQBFAFgA","ParentImage":"C:\\\\Program Files\\\\Office\\\\WINWORD.EXE"}}}
            """;
    private static final String ECS = """
            {"@timestamp":"2026-11-28T10:00:00Z","ecs":{"version":"8.0.0"},"host":{"name":"ws1.corp.example"},\
            "event":{"code":"1","provider":"Microsoft-Windows-Sysmon"},\
            "winlog":{"channel":"Microsoft-Windows-Sysmon/Operational","event_id":"1","computer_name":"ws1.corp.example",\
            "provider_name":"Microsoft-Windows-Sysmon","event_data":{"RuleName":"-","LogonId":"0x3e7"}},\
            "process":{"executable":"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe",\
            "command_line":"powershell.exe -nop -enc SQBFAFgA",\
            "parent":{"executable":"C:\\\\Program Files\\\\Office\\\\WINWORD.EXE"}}}
            """;

    private static List<String> titles(ScanOptions options, String json) {
        return matchedTitles(RULES, options, "events.json", json.getBytes(StandardCharsets.UTF_8)).stream()
                .map(title -> title.substring(0, title.indexOf(" @"))).toList();
    }

    private static List<String> titles(String json) {
        return titles(ScanOptions.defaults().withThreads(1), json);
    }

    @Test
    void theSameEventMatchesTheSameRulesInEveryShape() {
        List<String> expected = List.of("encoded powershell from word", "sysmon channel on a known host");
        assertEquals(expected, titles(FLAT));
        assertEquals(expected, titles(EVTX_DUMP));
        assertEquals(expected, titles(ECS));
    }

    @Test
    void nearMissesMissInEveryShape() {
        for (String shape : List.of(FLAT, EVTX_DUMP, ECS)) {
            String otherParent = shape.replace("WINWORD.EXE", "explorer.exe");
            assertEquals(List.of("sysmon channel on a known host"), titles(otherParent), otherParent);
            String otherChannel = shape.replace("Microsoft-Windows-Sysmon/Operational", "Security");
            assertEquals(List.of(), titles(otherChannel), otherChannel);
        }
    }

    @Test
    void winlogbeatEventDataIsNamedByItsOwnKeys() {
        CompiledRuleSet rules = sigmaRules("""
                title: logon id
                logsource: {product: windows, service: sysmon}
                detection: {sel: {LogonId: '0x3e7', 'winlog.event_data.RuleName': '-'}, condition: sel}
                """);
        assertEquals(1, matchedTitles(rules, ScanOptions.defaults().withThreads(1), "e.json",
                ECS.getBytes(StandardCharsets.UTF_8)).size());
    }

    @Test
    void aProfileGivenByNameOverridesDetection() {
        ScanOptions sigma = ScanOptions.defaults().withThreads(1).withProfile(FieldProfile.SIGMA);
        assertEquals(List.of(), titles(sigma, ECS));
        ScanOptions ecs = ScanOptions.defaults().withThreads(1).withProfile(FieldProfile.ECS);
        assertEquals(titles(FLAT), titles(ecs, FLAT));
    }

    @Test
    void theProfileIsDetectedFromTheFirstRecordsOfAFile() {
        assertSame(FieldProfile.ECS, detect("{\"a\":1}\n{\"b\":2}\n" + ECS));
        assertSame(FieldProfile.ECS, detect(ECS.replace("\"ecs\":{\"version\":\"8.0.0\"},", "")));
        assertSame(FieldProfile.SIGMA, detect(FLAT + EVTX_DUMP));
        assertSame(FieldProfile.SIGMA, detect("{\"a\":1}\n".repeat(JsonFormat.PROFILE_PROBE_RECORDS) + ECS));
        assertSame(FieldProfile.SIGMA, detect("{\"a\":\n" + ECS));
        assertSame(JsonFormat.of(true, FieldProfile.ECS),
                JsonFormat.detect(buffer(ECS), 0, ECS.length(), 1 << 20, null));
        assertSame(JsonFormat.CONCATENATED, JsonFormat.detect(buffer("{\n}\n" + ECS), 0, ECS.length() + 4, 1 << 20,
                FieldProfile.SIGMA));
    }

    @Test
    void profilesAreFoundByNameIgnoringCase() {
        assertSame(FieldProfile.ECS, FieldProfile.named("ECS"));
        assertSame(FieldProfile.SIGMA, FieldProfile.named("sigma"));
        assertEquals(null, FieldProfile.named("splunk"));
    }

    private static FieldProfile detect(String text) {
        return JsonFormat.detectProfile(buffer(text), 0, text.getBytes(StandardCharsets.UTF_8).length);
    }

    private static UnsafeBuffer buffer(String text) {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
