package io.sigscan.rules.logsource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.model.LogSource;
import io.sigscan.rules.model.Problem;

class LogsourceMappingTest {
    private static final LogsourceMapping BUILT_IN = LogsourceMapping.builtIn();

    @Test
    void windowsProcessCreationRunsOnSysmonOneAndSecurity4688WithRenames() {
        List<LogsourceVariant> variants = BUILT_IN.variantsFor(new LogSource("process_creation", "windows", null));
        assertEquals(2, variants.size());
        LogsourceVariant sysmon = variants.get(0);
        assertEquals(Map.of("Channel", List.of("Microsoft-Windows-Sysmon/Operational"), "EventID", List.of("1")),
                sysmon.conditions());
        assertEquals(Map.of(), sysmon.renames());
        LogsourceVariant security = variants.get(1);
        assertEquals(Map.of("Channel", List.of("Security"), "EventID", List.of("4688")), security.conditions());
        assertEquals(Map.of("Image", "NewProcessName", "ParentImage", "ParentProcessName"), security.renames());
    }

    @Test
    void renamesApplyToBothFieldsOfAFieldReference() {
        LogsourceVariant variant = new LogsourceVariant("security 4688", Map.of(),
                Map.of("Image", "NewProcessName", "ParentImage", "ParentProcessName"));
        assertEquals(new Expr.Not(new Expr.FieldRef("NewProcessName", "ParentProcessName", Expr.Position.ENDSWITH, true)),
                variant.rename(new Expr.Not(new Expr.FieldRef("Image", "ParentImage", Expr.Position.ENDSWITH, true))));
        assertEquals(new Expr.FieldRef("User", "NewProcessName", Expr.Position.EQUALS, false),
                variant.rename(new Expr.FieldRef("User", "Image", Expr.Position.EQUALS, false)));
    }

    @Test
    void servicesRouteByChannel() {
        List<LogsourceVariant> powershell = BUILT_IN.variantsFor(new LogSource(null, "windows", "powershell"));
        assertEquals(List.of("powershell"), powershell.stream().map(LogsourceVariant::name).toList());
        assertEquals(Map.of("Channel", List.of("Microsoft-Windows-PowerShell/Operational", "PowerShellCore/Operational")),
                powershell.get(0).conditions());
        assertEquals(BUILT_IN.guardFor("windows"), powershell.get(0).guard());
        assertEquals(List.of("Security"),
                BUILT_IN.variantsFor(new LogSource(null, "windows", "security")).get(0).conditions().get("Channel"));
    }

    @Test
    void lookupIgnoresCaseAndMultiValueConditionsKeepEveryValue() {
        List<LogsourceVariant> variants = BUILT_IN.variantsFor(new LogSource("Registry_Event", "Windows", null));
        assertEquals(List.of("12", "13", "14"), variants.get(0).conditions().get("EventID"));
    }

    @Test
    void categoryOnlyEntryAppliesWhateverTheRuleSaysAboutProduct() {
        List<LogsourceVariant> variants = BUILT_IN.variantsFor(new LogSource("antivirus", "windows", null));
        assertEquals(Map.of("Signature", "ThreatName", "Filename", "Path"), variants.get(0).renames());
    }

    @Test
    void logSourcesWithoutAnEntryHaveNoVariants() {
        assertEquals(List.of(), BUILT_IN.variantsFor(LogSource.ANY));
        assertEquals(List.of(), BUILT_IN.variantsFor(new LogSource(null, "windows", null)));
        assertEquals(List.of(), BUILT_IN.variantsFor(new LogSource("ids", null, null)));
        assertEquals(List.of(), BUILT_IN.variantsFor(new LogSource("process_creation", "solaris", null)));
    }

    @Test
    void otherProductsRouteByTheirOwnFieldsOrFallBackToTheProductGuard() {
        assertEquals(Map.of("Channel", List.of("Linux-Sysmon/Operational"), "EventID", List.of("1")),
                BUILT_IN.variantsFor(new LogSource("process_creation", "linux", null)).get(0).conditions());
        assertEquals(List.of("dns"), BUILT_IN.variantsFor(new LogSource(null, "zeek", "dns")).get(0).conditions().get("_path"));
        assertEquals(List.of("AuditLogs"),
                BUILT_IN.variantsFor(new LogSource(null, "azure", "auditlogs")).get(0).conditions().get("category"));
        LogsourceVariant okta = BUILT_IN.variantsFor(new LogSource(null, "okta", "okta")).get(0);
        assertEquals("okta", okta.name());
        assertEquals(Map.of(), okta.conditions());
        assertEquals(BUILT_IN.guardFor("okta"), okta.guard());
        assertNotEquals(Expr.TRUE, okta.guard());
    }

    @Test
    void rulesWithoutAProductGetNoGuard() {
        assertEquals(Expr.TRUE, BUILT_IN.guardFor(null));
        assertEquals(Expr.TRUE, BUILT_IN.variantsFor(new LogSource("webserver", null, null)).get(0).guard());
    }

    @Test
    void mostSpecificEntriesWinAndTiesKeepFileOrder() {
        LogsourceMapping mapping = LogsourceMapping.parse("test.yml", """
                logsources:
                  - logsource: {product: windows}
                    variants: [{name: any windows}]
                  - logsource: {product: windows, category: dns_query}
                    variants: [{name: first, when: {EventID: 22}}]
                  - logsource: {category: dns_query, product: windows}
                    variants: [{name: second, when: {EventID: [3008]}}]
                """);
        assertEquals(List.of(), mapping.problems());
        assertEquals(List.of("first", "second"),
                mapping.variantsFor(new LogSource("dns_query", "windows", null)).stream().map(LogsourceVariant::name).toList());
        assertEquals(List.of("any windows"),
                mapping.variantsFor(new LogSource("file_event", "windows", null)).stream().map(LogsourceVariant::name).toList());
    }

    @Test
    void brokenEntriesAreReportedWithLocationsAndTheRestStillLoads() {
        LogsourceMapping mapping = LogsourceMapping.parse("mine.yml", """
                logsources:
                  - logsource: {category: a, product: windows}
                    variants:
                      - when: {EventID: 1}
                        renames: {Image: NewProcessName}
                  - logsource: {category: b}
                  - logsource: {}
                    variants: [{}]
                  - logsource: {category: c}
                    variants:
                      - when: {EventID: }
                  - logsource: {category: d}
                    variants: [{when: {EventID: 4}}]
                """);
        assertEquals(List.of(
                "mine.yml:5:9: error: unknown key 'renames'; expected one of [name, rename, when] [logsource-mapping]",
                "mine.yml:6:5: error: missing 'variants' [logsource-mapping]",
                "mine.yml:7:16: error: 'logsource' must give at least one of category, product, service [logsource-mapping]",
                "mine.yml:11:24: error: expected a single text value [logsource-mapping]"),
                mapping.problems().stream().map(Problem::toString).toList());
        assertEquals(List.of("4"), mapping.variantsFor(new LogSource("d", null, null)).get(0).conditions().get("EventID"));
        assertEquals(List.of(), mapping.variantsFor(new LogSource("a", "windows", null)));
    }

    @Test
    void invalidYamlIsOneLocatedProblem() {
        LogsourceMapping mapping = LogsourceMapping.parse("bad.yml", "logsources:\n  - logsource: {category: [\n");
        assertEquals(1, mapping.problems().size());
        Problem problem = mapping.problems().get(0);
        assertEquals("bad.yml", problem.location().file());
        assertEquals(3, problem.location().line());
        assertTrue(problem.message().startsWith("not valid YAML: "), problem.message());
    }

    @Test
    void fileWithoutALogsourcesListIsRejected() {
        assertEquals("x.yml:1:1: error: expected a mapping with a 'logsources' list of entries [logsource-mapping]",
                LogsourceMapping.parse("x.yml", "sources: []\n").problems().get(0).toString());
        assertEquals("x.yml: error: expected a mapping with a 'logsources' list of entries [logsource-mapping]",
                LogsourceMapping.parse("x.yml", "").problems().get(0).toString());
    }

    @Test
    void userFileIsReadFromDiskAndMissingFilesThrow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mapping.yml");
        Files.writeString(file, "logsources:\n  - logsource: {product: zeek, service: dns}\n    variants: [{when: {_path: dns}}]\n");
        LogsourceMapping mapping = LogsourceMapping.load(file);
        assertEquals(List.of("dns"), mapping.variantsFor(new LogSource(null, "zeek", "dns")).get(0).conditions().get("_path"));
        assertThrows(NoSuchFileException.class, () -> LogsourceMapping.load(dir.resolve("missing.yml")));
    }

    @Test
    void productMarkersAreReadWithAnyValueAlternativesAndBrokenOnesReported() {
        LogsourceMapping mapping = LogsourceMapping.parse("m.yml", """
                products:
                  - product: Windows
                    markers: [{Channel: []}, {EventID: [1, 4688], Provider_Name: []}]
                  - product: aws
                    markers: []
                  - product: windows
                    markers: [{x: []}]
                  - markers: [{x: []}]
                logsources:
                  - logsource: {product: zeek}
                    variants: [{name: zeek}]
                """);
        assertEquals(List.of(
                "m.yml:5:14: error: 'markers' must be a non-empty list of field sets [logsource-mapping]",
                "m.yml:6:5: error: product 'windows' has markers already; give all its alternatives in one entry [logsource-mapping]",
                "m.yml:8:5: error: missing 'product' [logsource-mapping]"),
                mapping.problems().stream().map(Problem::toString).toList());
        assertEquals(List.of(new ProductMarker("windows", List.of(Map.of("Channel", List.of()),
                Map.of("EventID", List.of("1", "4688"), "Provider_Name", List.of())))), mapping.markers());
    }
}
