package io.sigscan.rules.load;

import io.sigscan.rules.model.CorrelationCondition;
import io.sigscan.rules.model.CorrelationRule;
import io.sigscan.rules.model.CorrelationType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.sigscan.rules.load.RuleTexts.load;
import static io.sigscan.rules.load.RuleTexts.rendered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Correlation documents: every part read as written, every malformed part reported where it is. */
class CorrelationLoadingTest {

    /** A correlation whose {@code correlation} section is {@code body}, starting on line 3. */
    private static String correlation(String body) {
        return "title: Corr\nid: 0e95725d-7320-415d-80f7-004da920fc11\ncorrelation:\n" + body.indent(4);
    }

    private static CorrelationRule only(String body) {
        LoadResult result = load(correlation(body));
        assertEquals(List.of(), rendered(result));
        assertEquals(1, result.correlations().size());
        return result.correlations().get(0);
    }

    private static List<String> problems(String body) {
        LoadResult result = load(correlation(body));
        assertEquals(List.of(), result.correlations(), "a malformed correlation is rejected");
        return rendered(result);
    }

    @Test
    void everyPartIsRead() {
        CorrelationRule rule = only("type: value_count\nrules:\n    - failed_login\n    - 5638f7c0-ac70-491d-8465-2a65075e0d86\n"
                + "group-by:\n    - ComputerName\n    - ip\naliases:\n    ip:\n        failed_login: IpAddress\n"
                + "timespan: 90m\ncondition:\n    field: User\n    gt: 100\n    lte: 200\ngenerate: true\n");
        assertEquals(CorrelationType.VALUE_COUNT, rule.type());
        assertEquals(List.of("failed_login@test.yml:6:11", "5638f7c0-ac70-491d-8465-2a65075e0d86@test.yml:7:11"),
                rule.rules().stream().map(reference -> reference + "@" + reference.location()).toList());
        assertEquals(List.of("ComputerName", "ip"), rule.groupBy());
        assertEquals(Map.of("ip", Map.of("failed_login", "IpAddress")), rule.aliases());
        assertEquals(90 * 60_000L, rule.timespanMillis());
        assertEquals("90m", rule.timespanText());
        assertEquals(List.of("User"), rule.condition().fields());
        assertEquals(List.of(new CorrelationCondition.Comparison(CorrelationCondition.Operator.GT, 100),
                new CorrelationCondition.Comparison(CorrelationCondition.Operator.LTE, 200)), rule.condition().comparisons());
        assertTrue(rule.generate());
        assertEquals("0e95725d-7320-415d-80f7-004da920fc11", rule.info().id());
    }

    @Test
    void conditionRangeIsTheConjunctionOfItsComparisons() {
        CorrelationCondition condition = only("type: event_count\nrules: r\ntimespan: 1h\ncondition:\n    gt: 100\n"
                + "    lte: 200\n").condition();
        assertFalse(condition.test(100));
        assertTrue(condition.test(101));
        assertTrue(condition.test(200));
        assertFalse(condition.test(201));
    }

    @Test
    void neqAndEqCompareExactly() {
        assertTrue(only("type: event_count\nrules: r\ntimespan: 1h\ncondition:\n    neq: 3\n").condition().test(2));
        assertFalse(only("type: event_count\nrules: r\ntimespan: 1h\ncondition:\n    neq: 3\n").condition().test(3));
        assertTrue(only("type: event_count\nrules: r\ntimespan: 1h\ncondition:\n    eq: 3\n").condition().test(3));
    }

    @Test
    void temporalWithoutConditionNeedsEveryRule() {
        CorrelationRule rule = only("type: temporal\nrules:\n    - a\n    - b\n    - c\ngroup-by: User\ntimespan: 5m\n");
        assertEquals(CorrelationCondition.allOf(3), rule.condition());
        assertEquals(List.of("User"), rule.groupBy());
        assertFalse(rule.generate(), "generate defaults to false");
    }

    @Test
    void timespanUnits() {
        assertEquals(30_000L, only("type: temporal\nrules: a\ntimespan: 30s\n").timespanMillis());
        assertEquals(2 * 86_400_000L, only("type: temporal\nrules: a\ntimespan: 2d\n").timespanMillis());
        assertEquals(604_800_000L, only("type: temporal\nrules: a\ntimespan: 1w\n").timespanMillis());
    }

    @Test
    void percentileIsReadForValuePercentile() {
        CorrelationRule rule = only("type: value_percentile\nrules: a\ngroup-by: Computer\ntimespan: 1d\ncondition:\n"
                + "    field: Bytes\n    percentile: 50\n    gt: 10\n");
        assertEquals(50, rule.condition().percentile());
        assertEquals(CorrelationCondition.DEFAULT_PERCENTILE,
                only("type: value_sum\nrules: a\ntimespan: 1d\ncondition:\n    field: Bytes\n    gt: 10\n")
                        .condition().percentile());
    }

    @Test
    void missingAndUnknownTypeAreReportedAtTheirPlace() {
        assertEquals(List.of("test.yml:4:5: error: correlation has no 'type'; give one of event_count, value_count, "
                + "temporal, temporal_ordered, value_sum, value_avg, value_percentile [correlation]"),
                problems("rules: a\ntimespan: 5m\n"));
        assertEquals(List.of("test.yml:4:11: error: correlation type is the string 'count'; it must be one of "
                + "event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile "
                + "[correlation]"), problems("type: count\nrules: a\ntimespan: 5m\n"));
    }

    @Test
    void badTimespanIsReported() {
        assertEquals(List.of("test.yml:6:15: error: timespan is the string '5 minutes'; it must be a positive number "
                + "and a unit: s, m, h, d, w (weeks), M (months) or y (years), such as 5m [correlation]"),
                problems("type: temporal\nrules: a\ntimespan: 5 minutes\n"));
        assertEquals(1, problems("type: temporal\nrules: a\ntimespan: 0s\n").size());
        assertEquals(List.of("test.yml:4:5: error: correlation has no 'timespan'; give one such as 30s, 5m, 1h or 2d "
                + "[correlation]"), problems("type: temporal\nrules: a\n"));
    }

    @Test
    void missingRulesAndEmptyRulesAreReported() {
        assertEquals(List.of("test.yml:4:5: error: correlation has no 'rules'; list the ids or names of the rules it "
                + "correlates [correlation]"), problems("type: temporal\ntimespan: 5m\n"));
        assertEquals(List.of("test.yml:5:12: error: correlation 'rules' is empty; list the ids or names of the rules "
                + "it correlates [correlation]"), problems("type: temporal\nrules: []\ntimespan: 5m\n"));
        assertEquals(List.of("test.yml:6:11: error: an entry of correlation 'rules' is a mapping; entries are rule ids "
                + "or names [correlation]"), problems("type: temporal\nrules:\n    - {a: b}\ntimespan: 5m\n"));
    }

    @Test
    void countingTypesNeedACondition() {
        assertEquals(List.of("test.yml:4:5: error: a event_count correlation needs a 'condition' such as 'gte: 10' "
                + "[correlation]"), problems("type: event_count\nrules: a\ntimespan: 5m\n"));
        assertEquals(List.of("test.yml:4:5: error: a value_sum correlation needs a 'condition' such as 'gte: 10' and "
                + "the 'field' it aggregates [correlation]"), problems("type: value_sum\nrules: a\ntimespan: 5m\n"));
    }

    @Test
    void malformedConditionsAreReported() {
        assertEquals(List.of("test.yml:8:9: error: a value_count correlation condition needs the 'field' whose values "
                + "it aggregates [correlation]"),
                problems("type: value_count\nrules: a\ntimespan: 5m\ncondition:\n    gte: 3\n"));
        assertEquals(List.of("test.yml:8:9: error: unknown correlation condition key 'above'; accepted keys: gt, gte, "
                + "lt, lte, eq, neq, field, percentile [correlation]",
                "test.yml:8:9: error: correlation condition has no comparison; give at least one of gt, gte, lt, lte, "
                        + "eq, neq [correlation]"),
                problems("type: event_count\nrules: a\ntimespan: 5m\ncondition:\n    above: 3\n"));
        assertEquals(List.of("test.yml:8:14: error: correlation condition 'gte' is the string 'many'; it must be a "
                + "number [correlation]"), problems("type: event_count\nrules: a\ntimespan: 5m\ncondition:\n    gte: many\n"));
        assertEquals(List.of("test.yml:7:16: error: correlation condition is the string 'gte 3'; it must be a mapping "
                + "such as 'gte: 10' (keys: gt, gte, lt, lte, eq, neq, field, percentile) [correlation]"),
                problems("type: event_count\nrules: a\ntimespan: 5m\ncondition: gte 3\n"));
    }

    @Test
    void fieldOnACountingTypeIsAWarningAndIgnored() {
        LoadResult result = load(correlation("type: event_count\nrules: a\ntimespan: 5m\ncondition:\n    field: User\n"
                + "    gte: 3\n"));
        assertEquals(List.of("test.yml:8:9: warning: a event_count correlation counts events; its condition 'field' "
                + "[User] is ignored [correlation]"), rendered(result));
        assertEquals(List.of(), result.correlations().get(0).condition().fields());
    }

    @Test
    void generateMustBeABoolean() {
        assertEquals(List.of("test.yml:7:15: error: 'generate' is the string 'sometimes'; it must be true or false "
                + "[correlation]"), problems("type: temporal\nrules: a\ntimespan: 5m\ngenerate: sometimes\n"));
    }

    @Test
    void malformedAliasesAreReported() {
        assertEquals(List.of("test.yml:8:13: error: alias 'ip' is the string 'IpAddress'; it must map rule names to "
                + "field names [correlation]"),
                problems("type: temporal\nrules: a\ntimespan: 5m\naliases:\n    ip: IpAddress\n"));
    }

    @Test
    void correlationSectionMustBeAMapping() {
        assertEquals(List.of("test.yml:3:14: error: 'correlation' is the string 'maybe'; it must be a mapping with type, "
                + "rules, group-by, timespan and condition [correlation]"),
                rendered(load("title: Corr\nid: 0e95725d-7320-415d-80f7-004da920fc11\ncorrelation: maybe\n")));
    }

    @Test
    void missingTitleRejectsTheCorrelation() {
        LoadResult result = load("correlation:\n    type: temporal\n    rules: a\n    timespan: 5m\n");
        assertEquals(List.of("test.yml:1:1: error: rule has no 'title'; every rule needs one [metadata]"), rendered(result));
        assertEquals(List.of(), result.correlations());
    }
}
