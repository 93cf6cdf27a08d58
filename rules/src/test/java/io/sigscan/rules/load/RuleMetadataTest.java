package io.sigscan.rules.load;

import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.LogSource;
import io.sigscan.rules.model.Problem;
import io.sigscan.rules.model.RuleInfo;
import io.sigscan.rules.model.SigmaRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sigscan.rules.load.RuleTexts.load;
import static io.sigscan.rules.load.RuleTexts.onlyProblem;
import static io.sigscan.rules.load.RuleTexts.rendered;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rule metadata: required keys are errors, doubtful values warnings that keep the rule. */
class RuleMetadataTest {

    private static final String LOGSOURCE_AND_DETECTION = "logsource:\n    product: windows\n"
            + "detection:\n    sel:\n        a: 1\n    condition: sel\n";

    private static SigmaRule onlyRule(LoadResult result) {
        assertEquals(1, result.rules().size(), () -> "problems: " + result.problems());
        return result.rules().get(0);
    }

    @Test
    void allMetadataIsCarriedIntoRuleInfo() {
        LoadResult result = load("title: Full\nid: 8e4b6c1a-1f20-4a3d-9b5a-2c1e3d4a5b6c\nname: full_rule\n"
                + "status: test\nlevel: critical\nauthor: Jane Doe, John Roe\ntags:\n    - attack.execution\n"
                + "    - attack.t1059\ndate: 2024-04-19\nmodified: '2024-05-01'\ncustom_field: anything\n"
                + "logsource:\n    category: process_creation\n    product: windows\n    service: sysmon\n"
                + "    definition: free text\n"
                + "detection:\n    sel:\n        a: 1\n    condition: sel\n");
        assertEquals(List.of(), result.problems());
        SigmaRule rule = onlyRule(result);
        assertEquals(new RuleInfo("8e4b6c1a-1f20-4a3d-9b5a-2c1e3d4a5b6c", "full_rule", "Full", "critical", "test",
                "Jane Doe, John Roe", List.of("attack.execution", "attack.t1059"), new Location("test.yml", 1, 1)), rule.info());
        assertEquals(new LogSource("process_creation", "windows", "sysmon"), rule.logSource());
    }

    @Test
    void absentOptionalMetadataIsNull() {
        SigmaRule rule = onlyRule(load("title: Minimal\n" + LOGSOURCE_AND_DETECTION));
        assertEquals(new RuleInfo(null, null, "Minimal", null, null, null, List.of(), new Location("test.yml", 1, 1)),
                rule.info());
        assertEquals(new LogSource(null, "windows", null), rule.logSource());
    }

    @Test
    void missingTitleRejectsTheRule() {
        assertEquals(new Problem(new Location("test.yml", 1, 1), Problem.Severity.ERROR, "metadata",
                "rule has no 'title'; every rule needs one"), onlyProblem(LOGSOURCE_AND_DETECTION));
    }

    @Test
    void nullTitleRejectsTheRule() {
        assertEquals(new Problem(new Location("test.yml", 1, 7), Problem.Severity.ERROR, "metadata",
                "rule has no 'title'; every rule needs one"), onlyProblem("title:\n" + LOGSOURCE_AND_DETECTION));
    }

    @Test
    void emptyTitleRejectsTheRule() {
        assertEquals(new Problem(new Location("test.yml", 1, 8), Problem.Severity.ERROR, "metadata",
                "rule has an empty 'title'"), onlyProblem("title: ''\n" + LOGSOURCE_AND_DETECTION));
    }

    @Test
    void titleThatIsAListRejectsTheRule() {
        assertEquals(new Problem(new Location("test.yml", 1, 8), Problem.Severity.ERROR, "metadata",
                "'title' is a list; it must be a single value"), onlyProblem("title: [a, b]\n" + LOGSOURCE_AND_DETECTION));
    }

    @Test
    void nonUuidIdIsAWarningAndTheRuleStillLoads() {
        LoadResult result = load("title: T\nid: 3c5d8e2f-4g6h-7i8j-9k0l-1m2n3o4p5q6r\n" + LOGSOURCE_AND_DETECTION);
        assertEquals(List.of("test.yml:2:5: warning: id '3c5d8e2f-4g6h-7i8j-9k0l-1m2n3o4p5q6r' is not a UUID "
                + "(8-4-4-4-12 hexadecimal digits) [metadata]"), rendered(result));
        assertEquals("3c5d8e2f-4g6h-7i8j-9k0l-1m2n3o4p5q6r", onlyRule(result).info().id());
    }

    @Test
    void unknownLevelAndStatusAreWarnings() {
        LoadResult result = load("title: T\nlevel: severe\nstatus: beta\n" + LOGSOURCE_AND_DETECTION);
        assertEquals(List.of(
                "test.yml:2:8: warning: level 'severe' is not one of informational, low, medium, high, critical [metadata]",
                "test.yml:3:9: warning: status 'beta' is not one of stable, test, experimental, deprecated, unsupported [metadata]"),
                rendered(result));
        assertEquals("severe", onlyRule(result).info().level());
    }

    @Test
    void nonIsoDatesAreWarnings() {
        LoadResult result = load("title: T\ndate: 2024/04/19\nmodified: 2024-13-01\n" + LOGSOURCE_AND_DETECTION);
        assertEquals(List.of(
                "test.yml:2:7: warning: 'date' value '2024/04/19' is not an ISO date YYYY-MM-DD [metadata]",
                "test.yml:3:11: warning: 'modified' value '2024-13-01' is not an ISO date YYYY-MM-DD [metadata]"),
                rendered(result));
        onlyRule(result);
    }

    @Test
    void tagsThatAreNotAListAreAWarning() {
        LoadResult result = load("title: T\ntags: attack.execution\n" + LOGSOURCE_AND_DETECTION);
        assertEquals(List.of("test.yml:2:7: warning: 'tags' is the string 'attack.execution'; it must be a list of strings [metadata]"),
                rendered(result));
        assertEquals(List.of(), onlyRule(result).info().tags());
    }

    @Test
    void missingLogsourceRejectsTheRule() {
        assertEquals(new Problem(new Location("test.yml", 1, 1), Problem.Severity.ERROR, "metadata",
                "rule has no 'logsource'; give at least one of category, product, service"),
                onlyProblem("title: T\ndetection:\n    sel:\n        a: 1\n    condition: sel\n"));
    }

    @Test
    void logsourceThatIsNotAMappingRejectsTheRule() {
        assertEquals(new Problem(new Location("test.yml", 2, 12), Problem.Severity.ERROR, "metadata",
                "'logsource' is the string 'windows'; it must be a mapping of category, product, service"),
                onlyProblem("title: T\nlogsource: windows\ndetection:\n    sel:\n        a: 1\n    condition: sel\n"));
    }

    @Test
    void logsourcePartThatIsAListRejectsTheRule() {
        assertEquals(new Problem(new Location("test.yml", 3, 14), Problem.Severity.ERROR, "metadata",
                "logsource 'product' is a list; it must be a single name"),
                onlyProblem("title: T\nlogsource:\n    product: [windows, linux]\n"
                        + "detection:\n    sel:\n        a: 1\n    condition: sel\n"));
    }

    @Test
    void missingDetectionRejectsTheRule() {
        assertEquals(new Problem(new Location("test.yml", 1, 1), Problem.Severity.ERROR, "metadata",
                "rule has no 'detection'"), onlyProblem("title: T\nlogsource:\n    product: windows\n"));
    }

    @Test
    void missingConditionRejectsTheRule() {
        assertEquals(new Problem(new Location("test.yml", 5, 5), Problem.Severity.ERROR, "detection",
                "detection has no 'condition'; add one such as 'condition: selection'"),
                onlyProblem("title: T\nlogsource:\n    product: windows\ndetection:\n    sel:\n        a: 1\n"));
    }

    @Test
    void everyMetadataErrorOfADocumentIsReported() {
        LoadResult result = load("id: 1\n");
        assertEquals(List.of(
                "test.yml:1:1: error: rule has no 'title'; every rule needs one [metadata]",
                "test.yml:1:5: warning: id '1' is not a UUID (8-4-4-4-12 hexadecimal digits) [metadata]",
                "test.yml:1:1: error: rule has no 'logsource'; give at least one of category, product, service [metadata]",
                "test.yml:1:1: error: rule has no 'detection' [metadata]"), rendered(result));
    }
}
