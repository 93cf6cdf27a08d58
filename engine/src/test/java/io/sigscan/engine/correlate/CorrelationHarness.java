package io.sigscan.engine.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.sigscan.engine.Match;
import io.sigscan.rules.load.LoadResult;
import io.sigscan.rules.load.RuleLoader;
import io.sigscan.rules.model.Problem;
import io.sigscan.rules.model.RuleInfo;
import io.sigscan.rules.model.SigmaRule;

/**
 * Loads rules and correlations from YAML, then plays matches of named rules through a
 * {@link CorrelatingMatchHandler} the way the ordered match stream would, recording what comes out.
 * Unless built {@link #buffered}, it ends the stream ({@link CorrelatingMatchHandler#finish()})
 * after every match, so that each match enters the windows before the next arrives.
 */
final class CorrelationHarness {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    final List<RuleInfo> rules;
    final CorrelationCompiler.Result compiled;
    final CorrelatingMatchHandler handler;
    final List<Match> passedOn = new ArrayList<>();
    final List<CorrelationAlert> alerts = new ArrayList<>();
    private final boolean buffered;
    private long offset;

    CorrelationHarness(String yaml) {
        this(yaml, CorrelationOptions.defaults());
    }

    CorrelationHarness(String yaml, CorrelationOptions options) {
        this(yaml, options, false);
    }

    /** A harness that leaves matches in the reorder buffer until {@link #finish()}. */
    static CorrelationHarness buffered(String yaml, CorrelationOptions options) {
        return new CorrelationHarness(yaml, options, true);
    }

    private CorrelationHarness(String yaml, CorrelationOptions options, boolean buffered) {
        this.buffered = buffered;
        LoadResult loaded = RuleLoader.defaults().load("test.yml", yaml);
        assertEquals(List.of(), loaded.problems().stream().filter(Problem::isError).toList());
        rules = loaded.rules().stream().map(SigmaRule::info).toList();
        compiled = CorrelationCompiler.compile(loaded.correlations(), rules, options);
        handler = compiled.correlations().newHandler(passedOn::add, alerts::add);
    }

    /** A base rule that matches everything, for correlating: title and name {@code name}. */
    static String rule(String name) {
        return "title: " + name + "\nname: " + name + "\nlogsource:\n    product: windows\ndetection:\n"
                + "    sel:\n        EventID: 1\n    condition: sel\n---\n";
    }

    /** Plays a match of rule {@code name} on a JSON event with {@code fields} ("k", "v", ...) at T0 plus seconds. */
    CorrelationHarness at(double seconds, String name, String... fields) {
        StringBuilder json = new StringBuilder("{\"@timestamp\":\"")
                .append(T0.plusMillis(Math.round(seconds * 1000))).append('"');
        for (int i = 0; i < fields.length; i += 2) {
            json.append(",\"").append(fields[i]).append("\":\"").append(fields[i + 1]).append('"');
        }
        return match(name, json.append('}').toString());
    }

    CorrelationHarness match(String name, String eventJson) {
        int index = -1;
        for (int i = 0; i < rules.size(); i++) {
            if (name.equals(rules.get(i).name())) {
                index = i;
            }
        }
        offset += 100;
        handler.onMatch(new Match(rules.get(index), index, "log.json", offset, offset / 100, 0, eventJson));
        if (!buffered) {
            handler.finish();
        }
        return this;
    }

    CorrelationHarness finish() {
        handler.finish();
        return this;
    }

    /** Each alert as "title group-values value events", in order. */
    List<String> alertLines() {
        return alerts.stream().map(alert -> alert.rule().info().title() + " " + alert.groupValues() + " "
                + (long) alert.value() + " " + alert.events().stream().map(e -> String.valueOf(e.offset())).toList())
                .toList();
    }
}
