package io.sigscan.engine.correlate;

import static io.sigscan.engine.correlate.CorrelationHarness.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Each correlation type on a window's edges: an event exactly at the window end counts, one just after does not. */
class CorrelationTypesTest {

    private static CorrelationHarness correlation(String type, String rules, String groupBy, String condition) {
        return new CorrelationHarness(rule("a") + rule("b") + rule("c") + "title: Corr\ncorrelation:\n    type: " + type
                + "\n    rules:\n" + rules.indent(8) + "    group-by:\n" + groupBy.indent(8)
                + "    timespan: 60s\n" + (condition.isEmpty() ? "" : "    condition:\n" + condition.indent(8)));
    }

    private static CorrelationHarness eventCount() {
        return correlation("event_count", "- a", "- User", "gte: 3");
    }

    @Test
    void eventCountCountsAnEventExactlyOneTimespanLater() {
        CorrelationHarness run = eventCount().at(0, "a", "User", "bob").at(30, "a", "User", "bob")
                .at(60, "a", "User", "bob");
        assertEquals(List.of("Corr [bob] 3 [100, 200, 300]"), run.alertLines());
        CorrelationAlert alert = run.alerts.get(0);
        assertEquals(CorrelationHarness.T0.toEpochMilli(), alert.windowStart());
        assertEquals(CorrelationHarness.T0.toEpochMilli() + 60_000, alert.windowEnd());
        assertEquals(3, alert.eventCount());
    }

    @Test
    void eventCountDropsAnEventJustOverOneTimespanOlder() {
        CorrelationHarness run = eventCount().at(0, "a", "User", "bob").at(30, "a", "User", "bob")
                .at(60.001, "a", "User", "bob");
        assertEquals(List.of(), run.alertLines());
        run.at(61, "a", "User", "bob");
        assertEquals(List.of("Corr [bob] 3 [200, 300, 400]"), run.alertLines());
    }

    @Test
    void eventCountSeparatesGroups() {
        CorrelationHarness run = eventCount().at(0, "a", "User", "bob").at(1, "a", "User", "eve")
                .at(2, "a", "User", "bob").at(3, "a", "User", "eve").at(4, "a", "User", "bob");
        assertEquals(List.of("Corr [bob] 3 [100, 300, 500]"), run.alertLines());
    }

    @Test
    void aGroupStartsAfreshAfterAnAlert() {
        CorrelationHarness run = eventCount();
        for (int i = 0; i < 7; i++) {
            run.at(i, "a", "User", "bob");
        }
        assertEquals(List.of("Corr [bob] 3 [100, 200, 300]", "Corr [bob] 3 [400, 500, 600]"), run.alertLines());
    }

    @Test
    void eventsWithoutTheGroupFieldFormTheirOwnGroup() {
        CorrelationHarness run = eventCount().at(0, "a").at(1, "a").at(2, "a", "User", "bob").at(3, "a");
        assertEquals(List.of("Corr [null] 3 [100, 200, 400]"), run.alertLines());
    }

    @Test
    void groupValuesCompareExactlyAsText() {
        CorrelationHarness run = eventCount().at(0, "a", "User", "bob").at(1, "a", "User", "BOB")
                .at(2, "a", "User", "bob ");
        assertEquals(List.of(), run.alertLines());
    }

    @Test
    void rangeConditionRaisesOnlyInsideTheRange() {
        CorrelationHarness run = correlation("event_count", "- a", "- User", "gt: 1\nlte: 2").at(0, "a", "User", "bob");
        assertEquals(List.of(), run.alertLines());
        run.at(1, "a", "User", "bob");
        assertEquals(List.of("Corr [bob] 2 [100, 200]"), run.alertLines());
    }

    @Test
    void valueCountCountsDistinctValues() {
        CorrelationHarness run = correlation("value_count", "- a", "- Computer", "field: User\ngte: 3")
                .at(0, "a", "Computer", "pc1", "User", "u1").at(1, "a", "Computer", "pc1", "User", "u1")
                .at(2, "a", "Computer", "pc1", "User", "u2").at(3, "a", "Computer", "pc2", "User", "u3")
                .at(4, "a", "Computer", "pc1");
        assertEquals(List.of(), run.alertLines(), "u1 twice, and a missing User, are not distinct values");
        run.at(60, "a", "Computer", "pc1", "User", "u3");
        assertEquals(List.of("Corr [pc1] 3 [100, 200, 300, 500, 600]"), run.alertLines());
    }

    @Test
    void temporalNeedsEveryRuleInAnyOrder() {
        String rules = "- a\n- b\n- c";
        CorrelationHarness run = correlation("temporal", rules, "- User", "")
                .at(0, "c", "User", "bob").at(10, "a", "User", "bob").at(20, "a", "User", "eve");
        assertEquals(List.of(), run.alertLines());
        run.at(60, "b", "User", "bob");
        assertEquals(List.of("Corr [bob] 3 [100, 200, 400]"), run.alertLines());
    }

    @Test
    void temporalMissesARuleThatFiredJustOverOneTimespanEarlier() {
        CorrelationHarness run = correlation("temporal", "- a\n- b", "- User", "")
                .at(0, "a", "User", "bob").at(60.001, "b", "User", "bob");
        assertEquals(List.of(), run.alertLines());
    }

    @Test
    void temporalOrderedNeedsTheListedOrder() {
        String rules = "- a\n- b\n- c";
        CorrelationHarness wrongOrder = correlation("temporal_ordered", rules, "- User", "")
                .at(0, "b", "User", "bob").at(1, "a", "User", "bob").at(2, "c", "User", "bob");
        assertEquals(List.of(), wrongOrder.alertLines());
        wrongOrder.at(3, "b", "User", "bob").at(4, "c", "User", "bob");
        assertEquals(List.of("Corr [bob] 3 [100, 200, 300, 400, 500]"), wrongOrder.alertLines());
    }

    @Test
    void temporalOrderedAtTheWindowEdge() {
        assertEquals(1, correlation("temporal_ordered", "- a\n- b", "- User", "")
                .at(0, "a", "User", "bob").at(60, "b", "User", "bob").alerts.size());
        assertEquals(0, correlation("temporal_ordered", "- a\n- b", "- User", "")
                .at(0, "a", "User", "bob").at(60.001, "b", "User", "bob").alerts.size());
    }

    @Test
    void valueSumAddsTheNumericValues() {
        CorrelationHarness run = correlation("value_sum", "- a", "- User", "field: Bytes\ngt: 1000")
                .at(0, "a", "User", "bob", "Bytes", "600").at(1, "a", "User", "bob", "Bytes", "lots")
                .at(2, "a", "User", "eve", "Bytes", "900");
        assertEquals(List.of(), run.alertLines(), "text is not a number and eve is another group");
        run.at(60, "a", "User", "bob", "Bytes", "400.5");
        assertEquals(List.of("Corr [bob] 1000 [100, 200, 400]"), run.alertLines());
        assertEquals(1000.5, run.alerts.get(0).value());
    }

    @Test
    void valueAvgAveragesTheNumericValues() {
        CorrelationHarness run = correlation("value_avg", "- a", "- User", "field: Bytes\ngt: 500")
                .at(0, "a", "User", "bob", "Bytes", "400").at(1, "a", "User", "bob", "Bytes", "500");
        assertEquals(List.of(), run.alertLines());
        run.at(2, "a", "User", "bob", "Bytes", "700");
        assertEquals(List.of("Corr [bob] 533 [100, 200, 300]"), run.alertLines());
    }

    @Test
    void valuePercentileTakesTheNearestRank() {
        CorrelationHarness run = correlation("value_percentile", "- a", "- User", "field: Ms\npercentile: 50\ngte: 20")
                .at(0, "a", "User", "bob", "Ms", "10").at(1, "a", "User", "bob", "Ms", "30");
        assertEquals(1, run.alerts.size(), "index floor(2 × 0.5) = 1 of [10, 30] is 30");
        CorrelationHarness low = correlation("value_percentile", "- a", "- User", "field: Ms\npercentile: 50\ngte: 20")
                .at(0, "a", "User", "bob", "Ms", "10").at(1, "a", "User", "bob", "Ms", "12")
                .at(2, "a", "User", "bob", "Ms", "90");
        assertEquals(0, low.alerts.size(), "the median of [10, 12, 90] is 12");
    }
}
