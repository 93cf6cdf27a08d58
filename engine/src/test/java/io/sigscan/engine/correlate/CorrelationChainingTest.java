package io.sigscan.engine.correlate;

import static io.sigscan.engine.correlate.CorrelationHarness.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sigscan.engine.Match;

/** References by id and name, aliases, chained correlations, generate, and what resolution rejects. */
class CorrelationChainingTest {

    /** The spec's example: many failed logins followed by a successful one, by user. */
    private static final String BRUTE_FORCE = rule("failed_login") + rule("successful_login")
            + "title: Failed then successful\nid: b180ead8-d58f-40b2-ae54-c8940995b9b6\ncorrelation:\n"
            + "    type: temporal_ordered\n    rules:\n        - multiple_failed_login\n        - successful_login\n"
            + "    group-by:\n        - User\n    timespan: 10m\n---\n"
            + "title: Multiple failed logins\nid: a8418a5a-5fc4-46b5-b23b-6c73beb19d41\nname: multiple_failed_login\n"
            + "correlation:\n    type: event_count\n    rules:\n        - failed_login\n    group-by:\n        - User\n"
            + "    timespan: 10m\n    condition:\n        gte: 3\n";

    @Test
    void chainedCorrelationsRaiseOnlyTheOutermostAlert() {
        CorrelationHarness run = new CorrelationHarness(BRUTE_FORCE)
                .at(0, "failed_login", "User", "bob").at(10, "failed_login", "User", "bob")
                .at(20, "failed_login", "User", "eve").at(30, "failed_login", "User", "bob")
                .at(40, "successful_login", "User", "bob");
        assertEquals(List.of("Failed then successful [bob] 2 [100, 200, 400, 500]"), run.alertLines());
        assertEquals(List.of(), run.passedOn, "generate defaults to false: referenced rules are hidden");
        CorrelationStats stats = run.handler.stats();
        assertEquals(5, stats.suppressedMatches());
        assertEquals(1, stats.alertsWritten());
        assertEquals(2, stats.alerts(), "the inner alert is counted, not written");
    }

    @Test
    void chainedCorrelationNeedsTheInnerAlertFirst() {
        CorrelationHarness run = new CorrelationHarness(BRUTE_FORCE)
                .at(0, "successful_login", "User", "bob").at(10, "failed_login", "User", "bob")
                .at(20, "failed_login", "User", "bob").at(30, "failed_login", "User", "bob");
        assertEquals(List.of(), run.alertLines());
    }

    @Test
    void generateTruePassesOnTheReferencedRulesMatches() {
        CorrelationHarness run = new CorrelationHarness(rule("a") + rule("b") + "title: Corr\ncorrelation:\n"
                + "    type: event_count\n    rules: a\n    timespan: 1m\n    condition:\n        gte: 2\n"
                + "    generate: true\n")
                .at(0, "a").at(1, "b").at(2, "a");
        assertEquals(List.of(100L, 200L, 300L), run.passedOn.stream().map(Match::offset).toList());
        assertEquals(List.of("Corr [] 2 [100, 300]"), run.alertLines(), "no group-by: one group");
    }

    @Test
    void rulesAreReferencedByIdOrName() {
        String yaml = "title: A\nid: 5638f7c0-ac70-491d-8465-2a65075e0d86\nlogsource:\n    product: windows\n"
                + "detection:\n    sel:\n        EventID: 1\n    condition: sel\n---\n" + rule("b")
                + "title: Corr\ncorrelation:\n    type: temporal\n    rules:\n"
                + "        - 5638f7c0-ac70-491d-8465-2a65075e0d86\n        - b\n    timespan: 1m\n";
        CorrelationHarness run = new CorrelationHarness(yaml);
        run.handler.onMatch(new Match(run.rules.get(0), 0, "log.json", 7, 1, 0,
                "{\"@timestamp\":\"2026-01-05T10:00:00Z\"}"));
        run.at(1, "b");
        assertEquals(List.of("Corr [] 2 [7, 100]"), run.alertLines());
    }

    @Test
    void aliasesGroupDifferentFieldsOfDifferentRules() {
        String yaml = rule("internal_error") + rule("new_network_connection") + "title: Corr\ncorrelation:\n"
                + "    type: temporal\n    rules:\n        - internal_error\n        - new_network_connection\n"
                + "    group-by:\n        - internal_ip\n        - remote_ip\n    timespan: 10s\n    aliases:\n"
                + "        internal_ip:\n            internal_error: destination.ip\n"
                + "            new_network_connection: source.ip\n        remote_ip:\n"
                + "            internal_error: source.ip\n            new_network_connection: destination.ip\n";
        CorrelationHarness run = new CorrelationHarness(yaml)
                .at(0, "internal_error", "destination.ip", "10.0.0.1", "source.ip", "8.8.8.8")
                .at(1, "new_network_connection", "source.ip", "8.8.8.8", "destination.ip", "10.0.0.1");
        assertEquals(List.of(), run.alertLines(), "the addresses are swapped against the aliases");
        run.at(2, "new_network_connection", "source.ip", "10.0.0.1", "destination.ip", "8.8.8.8");
        assertEquals(List.of("Corr [10.0.0.1, 8.8.8.8] 2 [100, 300]"), run.alertLines());
        assertEquals(List.of("internal_ip", "remote_ip"), run.alerts.get(0).groupFields());
    }

    @Test
    void anAliasForARuleNotReferencedIsAWarning() {
        CorrelationHarness run = new CorrelationHarness(rule("a") + "title: Corr\ncorrelation:\n    type: temporal\n"
                + "    rules: a\n    group-by: ip\n    timespan: 1m\n    aliases:\n        ip:\n            a: SourceIp\n"
                + "            b: DestinationIp\n");
        assertEquals(List.of("test.yml:10:1: warning: correlation 'Corr' aliases 'ip' for rule 'b', which it does not "
                + "reference; that mapping is never used [correlation]"),
                run.compiled.problems().stream().map(Object::toString).toList());
        assertEquals(1, run.compiled.correlations().rules().size());
    }

    @Test
    void unknownReferenceLeavesTheCorrelationOutWithAnErrorAtTheReference() {
        CorrelationHarness run = new CorrelationHarness(rule("a") + "title: Corr\ncorrelation:\n    type: temporal\n"
                + "    rules:\n        - a\n        - nope\n    timespan: 1m\n");
        assertEquals(List.of("test.yml:15:11: error: correlation 'Corr' is left out: it references 'nope', which is no "
                + "loaded rule or correlation (by id or name) [correlation]"),
                run.compiled.problems().stream().map(Object::toString).toList());
        assertEquals(List.of(), run.compiled.correlations().rules());
        run.at(0, "a");
        assertEquals(1, run.passedOn.size(), "a rule only a rejected correlation references stays visible");
    }

    @Test
    void referenceCyclesAndTheirDependentsAreLeftOut() {
        String yaml = rule("a") + "title: X\nname: x\ncorrelation:\n    type: temporal\n    rules:\n        - y\n"
                + "        - a\n    timespan: 1m\n---\ntitle: Y\nname: y\ncorrelation:\n    type: temporal\n"
                + "    rules: x\n    timespan: 1m\n---\ntitle: Z\ncorrelation:\n    type: temporal\n    rules: y\n"
                + "    timespan: 1m\n";
        CorrelationHarness run = new CorrelationHarness(yaml);
        List<String> problems = run.compiled.problems().stream().map(Object::toString).toList();
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("correlation 'X' is left out: it is part of a reference cycle"));
        assertTrue(problems.get(1).contains("correlation 'Y' is left out: it is part of a reference cycle"));
        assertTrue(problems.get(2).contains("correlation 'Z' is left out: it references correlation 'y', which was "
                + "left out"));
        assertEquals(List.of(), run.compiled.correlations().rules());
    }
}
