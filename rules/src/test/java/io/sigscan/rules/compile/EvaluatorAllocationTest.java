package io.sigscan.rules.compile;

import static io.sigscan.rules.compile.Exprs.and;
import static io.sigscan.rules.compile.Exprs.match;
import static io.sigscan.rules.compile.Exprs.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;
import io.sigscan.rules.logsource.LogsourceMapping;
import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.LogSource;
import io.sigscan.rules.model.RuleInfo;
import io.sigscan.rules.model.SigmaRule;

/**
 * The evaluator, routing, the non-regex matchers (numbers, timestamps, networks included) and
 * field references allocate nothing per event once warm.
 */
class EvaluatorAllocationTest {

    @Test
    void evaluatingWarmRulesAllocatesNothingPerEvent() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "SKIPPED: this JVM cannot measure per-thread allocation");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        LogSource processCreation = new LogSource("process_creation", "windows", null);
        List<SigmaRule> rules = List.of(
                rule("A", processCreation, and(match("Image", "*\\whoami.exe"), not(match("User", "*system*")))),
                rule("B", processCreation, match("CommandLine", "*-enc*")),
                rule("C", new LogSource(null, "windows", "security"), match("TargetUserName", "adm?n*")),
                rule("D", new LogSource("linux-only", null, null), match("CommandLine", "*İ*")),
                rule("E", processCreation, and(
                        new Expr.Match("DestinationIp", new ValueTest.Cidr("fe80::/10")),
                        new Expr.Match("Port", new ValueTest.Compare(ValueTest.Comparison.GT, new BigDecimal("1024"))),
                        new Expr.Match("UtcTime", new ValueTest.TimePart(ValueTest.TimeField.WEEK, ValueTest.Comparison.EQ, 18)),
                        new Expr.FieldRef("ParentUser", "User", Expr.Position.ENDSWITH, false))));
        CompiledRuleSet set = RuleSetCompiler.compile(rules, LogsourceMapping.builtIn()).ruleSet();
        TestEvent event = TestEvent.of(set.fields()).put("Channel", "Microsoft-Windows-Sysmon/Operational")
                .putNumber("EventID", "1").put("Image", "C:\\Windows\\System32\\WHOAMI.exe").put("User", "alice")
                .put("CommandLine", "powershell -ENC abc Ä").put("ParentUser", "CORP\\ALICE")
                .put("DestinationIp", "FE80::1:2%4").putNumber("Port", "49152.5").put("UtcTime", "2024-05-01 03:04:05.678");
        RuleEvaluator evaluator = set.newEvaluator();
        int[] hits = new int[1];
        RuleHitHandler counter = rule -> hits[0]++;
        for (int i = 0; i < 200_000; i++) {
            evaluator.evaluate(event, counter);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 100_000; i++) {
            evaluator.evaluate(event, counter);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertEquals(3 * 300_000, hits[0]);
        // A few hundred bytes of slack for the measurement itself; one byte per event would be 100 kB.
        assertEquals(true, allocated < 2_000, "allocated " + allocated + " bytes over 100000 events");
    }

    private static SigmaRule rule(String title, LogSource logSource, Expr detection) {
        return new SigmaRule(new RuleInfo(null, null, title, null, null, null, List.of(), Location.unknown(title)),
                logSource, detection);
    }
}
