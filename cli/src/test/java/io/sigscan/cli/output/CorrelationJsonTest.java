package io.sigscan.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sigscan.engine.correlate.CorrelationAlert;
import io.sigscan.engine.correlate.EventRef;
import io.sigscan.rules.model.CorrelationCondition;
import io.sigscan.rules.model.CorrelationRule;
import io.sigscan.rules.model.CorrelationType;
import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.RuleInfo;

/** The correlation object of an alert: nulls for missing group values, integers as integers, escaped text. */
class CorrelationJsonTest {

    private static CorrelationAlert alert(double value) {
        RuleInfo info = new RuleInfo(null, null, "Avg", null, null, null, List.of(), Location.unknown("test"));
        CorrelationRule rule = new CorrelationRule(info, CorrelationType.VALUE_AVG, List.of(), List.of("User", "Host"),
                Map.of(), 3_600_000, "1h", CorrelationCondition.allOf(1), false);
        long start = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();
        return new CorrelationAlert(rule, rule.groupBy(), Arrays.asList("a\"b", null), start, start + 1500, value, 7,
                List.of(new EventRef("C:\\logs\\x.json", 12)));
    }

    @Test
    void correlationObjectKeysInOrder() {
        assertEquals("{\"type\":\"value_avg\",\"timespan\":\"1h\",\"group\":{\"User\":\"a\\\"b\",\"Host\":null},"
                + "\"window\":{\"start\":\"2026-01-05T10:00:00Z\",\"end\":\"2026-01-05T10:00:01.500Z\"},"
                + "\"value\":533.333,\"eventCount\":7,\"events\":[{\"file\":\"C:\\\\logs\\\\x.json\",\"offset\":12}]}",
                CorrelationJson.append(new StringBuilder(), alert(1600 / 3.0)).toString());
    }

    @Test
    void valuesPrintWithoutNeedlessDigits() {
        assertEquals("value_avg User=a\"b Host=null: 1000.5 in 1h, 7 events", CorrelationJson.summary(alert(1000.5)));
        assertEquals("value_avg User=a\"b Host=null: 12 in 1h, 7 events", CorrelationJson.summary(alert(12)));
    }
}
