package io.sigscan.rules.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.logsource.LogsourceMapping;
import io.sigscan.rules.logsource.LogsourceVariant;
import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.LogSource;
import io.sigscan.rules.model.RuleInfo;
import io.sigscan.rules.model.SigmaRule;

/**
 * Random rule sets over several log sources, interleaved, and random events with and without
 * routing fields: the evaluator's grouped, cached routing must report exactly the rules a
 * plain reference reports (interpreter over each variant's condition and renamed detection), in
 * rule order.
 */
class RoutingDifferentialTest {
    private static final LogSource[] LOG_SOURCES = {
        new LogSource("process_creation", "windows", null), new LogSource(null, "windows", "security"),
        new LogSource("registry_event", "windows", null), new LogSource("network_connection", "windows", null),
        new LogSource("process_creation", "linux", null),
    };
    private static final String[] CHANNELS = {"Microsoft-Windows-Sysmon/Operational", "security", "System"};
    private static final String[] EVENT_IDS = {"1", "3", "12", "13", "4688", "4624"};
    private static final String[] IMAGES = {"C:\\x\\cmd.exe", "C:\\x\\whoami.exe", "cmd.exe"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 17, 4242})
    void evaluatorReportsWhatTheReferenceReportsInRuleOrder(long seed) {
        Random random = new Random(seed);
        LogsourceMapping mapping = LogsourceMapping.builtIn();
        int totalHits = 0;
        for (int round = 0; round < 20; round++) {
            List<SigmaRule> rules = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String image = IMAGES[random.nextInt(IMAGES.length)];
                Expr detection = random.nextBoolean() ? Exprs.match("Image", "*" + image.substring(image.length() - 7))
                        : Exprs.or(Exprs.match("ParentImage", image), Exprs.match("TargetObject", "*run*"));
                rules.add(new SigmaRule(new RuleInfo(null, null, "rule " + i, null, null, null, List.of(),
                        Location.unknown("rule " + i)), LOG_SOURCES[random.nextInt(LOG_SOURCES.length)], detection));
            }
            CompiledRuleSet set = RuleSetCompiler.compile(rules, mapping).ruleSet();
            RuleEvaluator evaluator = set.newEvaluator();
            for (int e = 0; e < 200; e++) {
                TestEvent event = randomEvent(random, set);
                List<Integer> expected = new ArrayList<>();
                for (int r = 0; r < rules.size(); r++) {
                    if (reference(rules.get(r), mapping, set, event)) {
                        expected.add(r);
                    }
                }
                List<Integer> actual = new ArrayList<>();
                evaluator.evaluate(event, rule -> actual.add(rule.index()));
                assertEquals(expected, actual, () -> "event " + event);
                totalHits += actual.size();
            }
        }
        assertTrue(totalHits > 1_000, "too few hits to mean anything: " + totalHits);
    }

    private static boolean reference(SigmaRule rule, LogsourceMapping mapping, CompiledRuleSet set, TestEvent event) {
        List<LogsourceVariant> variants = mapping.variantsFor(rule.logSource());
        if (variants.isEmpty()) {
            variants = List.of(LogsourceVariant.EVERY_EVENT);
        }
        for (LogsourceVariant variant : variants) {
            if (new Interpreter(variant.condition(), set.fields()).test(event)
                    && new Interpreter(variant.rename(rule.detection()), set.fields()).test(event)) {
                return true;
            }
        }
        return false;
    }

    private static TestEvent randomEvent(Random random, CompiledRuleSet set) {
        TestEvent event = TestEvent.of(set.fields());
        if (random.nextInt(4) != 0) {
            event.put("Channel", CHANNELS[random.nextInt(CHANNELS.length)]);
        }
        if (random.nextInt(4) != 0) {
            event.putNumber("EventID", EVENT_IDS[random.nextInt(EVENT_IDS.length)]);
        }
        String[] imageFields = {"Image", "ParentImage", "NewProcessName", "ParentProcessName"};
        for (String field : imageFields) {
            if (random.nextBoolean()) {
                event.put(field, IMAGES[random.nextInt(IMAGES.length)]);
            }
        }
        if (random.nextBoolean()) {
            event.put("TargetObject", "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\x");
        }
        return event;
    }
}
