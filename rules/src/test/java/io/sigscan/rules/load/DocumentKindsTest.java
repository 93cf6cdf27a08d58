package io.sigscan.rules.load;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sigscan.rules.load.RuleTexts.load;
import static io.sigscan.rules.load.RuleTexts.rendered;
import static io.sigscan.rules.load.RuleTexts.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each document of a file is read by its kind: detection rule, correlation, filter, or reported legacy syntax. */
class DocumentKindsTest {

    private static final String BASE_RULE = "title: Failed logon\nname: failed_logon\nlogsource:\n    product: windows\n"
            + "    service: security\ndetection:\n    sel:\n        EventID: 4625\n    condition: sel\n";

    @Test
    void correlationDocumentLoadsAsACorrelationBesideTheRulesItReferences() {
        LoadResult result = load(BASE_RULE + "---\ntitle: Many failed logons\ncorrelation:\n    type: event_count\n"
                + "    rules:\n        - failed_logon\n    group-by:\n        - TargetUserName\n    timespan: 5m\n"
                + "    condition:\n        gte: 10\n");
        assertEquals(List.of(), rendered(result));
        assertEquals(List.of("Failed logon"), result.rules().stream().map(rule -> rule.info().title()).toList());
        assertEquals(List.of("Many failed logons"),
                result.correlations().stream().map(rule -> rule.info().title()).toList());
    }

    @Test
    void filterDocumentLoadsAsAFilterNotAsARule() {
        LoadResult result = load("title: Exclude admins\nlogsource:\n    product: windows\nfilter:\n    rules:\n"
                + "        - failed_logon\n    selection:\n        User: admin\n    condition: not selection\n");
        assertEquals(List.of(), rendered(result));
        assertEquals(List.of(), result.rules());
        assertEquals(List.of("Exclude admins"), result.filters().stream().map(filter -> filter.info().title()).toList());
    }

    @Test
    void aSecondDocumentWithAnIdOrNameAlreadyTakenLoadsWithAWarning() {
        LoadResult result = load(BASE_RULE + "id: 5a2e1f6b-0c7d-4e3f-9a8b-1c2d3e4f5a6b\n---\n" + BASE_RULE.replace("Failed logon",
                "Failed logon again") + "id: 5a2e1f6b-0c7d-4e3f-9a8b-1c2d3e4f5a6b\n");
        assertEquals(List.of("test.yml:12:1: warning: id '5a2e1f6b-0c7d-4e3f-9a8b-1c2d3e4f5a6b' is also the id of"
                + " 'Failed logon' at test.yml:1:1; filters and correlations naming it apply to both [metadata]",
                "test.yml:12:1: warning: name 'failed_logon' is also the name of 'Failed logon' at test.yml:1:1;"
                + " filters and correlations naming it apply to both [metadata]"), rendered(result));
        assertEquals(2, result.rules().size());
    }

    /** Read as one kind, the other section would be dropped without a word. */
    @Test
    void aDocumentOfTwoKindsIsRejected() {
        String expected = "test.yml:1:1: error: a document holds more than one of 'detection', 'correlation' and "
                + "'filter'; write each as a document of its own (separated by ---) [metadata]";
        LoadResult both = load(BASE_RULE + "correlation:\n    type: event_count\n    rules:\n        - failed_logon\n"
                + "    group-by:\n        - TargetUserName\n    timespan: 5m\n    condition:\n        gte: 10\n");
        assertEquals(List.of(expected), rendered(both));
        assertEquals(List.of(), both.rules());
        assertEquals(List.of(), both.correlations());
        LoadResult filter = load(BASE_RULE + "filter:\n    rules: any\n    selection:\n        User: admin\n"
                + "    condition: not selection\n");
        assertEquals(List.of(expected), rendered(filter));
        assertEquals(List.of(), filter.filters());
    }

    @Test
    void actionGlobalCollectionIsLegacySyntaxAndSoIsEveryDocumentOfIt() {
        LoadResult result = load("action: global\ntitle: Collection\ndetection:\n    condition: sel\n---\n"
                + "logsource:\n    product: windows\ndetection:\n    sel:\n        a: 1\n---\n"
                + "logsource:\n    product: linux\ndetection:\n    sel:\n        b: 1\n");
        assertEquals(List.of(
                "test.yml:1:1: error: 'action: global' is Sigma 1.0 rule-collection syntax and not supported; "
                        + "write each rule of the collection as a standalone rule [legacy-syntax]",
                "test.yml:6:1: error: document belongs to the Sigma 1.0 rule collection started at test.yml:1:1, "
                        + "which is not supported [legacy-syntax]",
                "test.yml:12:1: error: document belongs to the Sigma 1.0 rule collection started at test.yml:1:1, "
                        + "which is not supported [legacy-syntax]"), rendered(result));
        assertEquals(List.of(), result.rules());
    }

    @Test
    void timeframeInDetectionIsLegacySyntax() {
        LoadResult result = load(rule("sel:\n    a: 1\ntimeframe: 5m\ncondition: sel"));
        assertEquals(List.of("test.yml:8:5: error: 'timeframe' in detection is Sigma 1.0 aggregation syntax and not "
                + "supported; express it as a correlation rule [legacy-syntax]"), rendered(result));
        assertEquals(List.of(), result.rules());
    }

    @Test
    void aggregationPipeIsLegacySyntaxAtThePipesColumn() {
        LoadResult result = load(rule("sel:\n    a: 1\ncondition: sel | count() by host > 5"));
        assertEquals(List.of("test.yml:8:20: error: aggregation '| count() by host > 5' is Sigma 1.0 syntax and not "
                + "supported; express it as a correlation rule [legacy-syntax]"), rendered(result));
    }

    @Test
    void everyDocumentOfAMultiDocumentFileIsARule() {
        LoadResult result = load(BASE_RULE + "---\n" + BASE_RULE.replace("Failed logon", "Second").replace("failed_logon", "second")
                + "...\n");
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("Failed logon", "Second"), result.rules().stream().map(rule -> rule.info().title()).toList());
    }
}
