package io.sigscan.rules.compile;

import static io.sigscan.rules.compile.Exprs.and;
import static io.sigscan.rules.compile.Exprs.match;
import static io.sigscan.rules.compile.Exprs.regex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.logsource.LogsourceMapping;
import io.sigscan.rules.match.RegexBudget;
import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.LogSource;
import io.sigscan.rules.model.Problem;
import io.sigscan.rules.model.RuleInfo;
import io.sigscan.rules.model.SigmaRule;

class RuleSetCompilerTest {
    private static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";
    private static final LogSource PROCESS_CREATION = new LogSource("process_creation", "windows", null);

    private static SigmaRule rule(String title, LogSource logSource, Expr detection) {
        return new SigmaRule(new RuleInfo(null, null, title, "high", "test", "someone", List.of(),
                new Location(title + ".yml", 1, 1)), logSource, detection);
    }

    private static final SigmaRule WHOAMI = rule("Whoami", PROCESS_CREATION,
            and(match("Image", "*\\whoami.exe"), match("ParentImage", "*\\cmd.exe")));

    private static CompiledRuleSet compileClean(SigmaRule... rules) {
        CompileResult result = RuleSetCompiler.compile(List.of(rules), LogsourceMapping.builtIn());
        assertEquals(List.of(), result.problems());
        return result.ruleSet();
    }

    private static List<String> hits(CompiledRuleSet set, EventView event) {
        List<String> titles = new ArrayList<>();
        set.newEvaluator().evaluate(event, rule -> titles.add(rule.info().title()));
        return titles;
    }

    private static TestEvent sysmonEvent(CompiledRuleSet set, String channel, String eventId) {
        TestEvent event = TestEvent.of(set.fields());
        if (channel != null) {
            event.put("Channel", channel);
        }
        if (eventId != null) {
            event.putNumber("EventID", eventId);
        }
        return event.put("Image", "C:\\Windows\\System32\\whoami.exe").put("ParentImage", "C:\\Windows\\cmd.exe");
    }

    @Test
    void sysmonProcessCreationMatchesWithOrWithoutChannel() {
        CompiledRuleSet set = compileClean(WHOAMI);
        assertEquals(List.of("Whoami"), hits(set, sysmonEvent(set, SYSMON, "1")));
        assertEquals(List.of("Whoami"), hits(set, sysmonEvent(set, null, "1")), "exports often drop Channel");
        assertEquals(List.of("Whoami"), hits(set, sysmonEvent(set, SYSMON.toUpperCase(java.util.Locale.ROOT), "1")),
                "channel names compare ignoring case");
        assertEquals(List.of("Whoami"), hits(set, sysmonEvent(set, null, null)), "no routing fields at all");
    }

    @Test
    void otherEventIdsAndChannelsAreExcluded() {
        CompiledRuleSet set = compileClean(WHOAMI);
        assertEquals(List.of(), hits(set, sysmonEvent(set, SYSMON, "3")));
        assertEquals(List.of(), hits(set, sysmonEvent(set, "Security", "1")));
        assertEquals(List.of(), hits(set, sysmonEvent(set, null, "4689")));
        assertEquals(List.of(), hits(set, sysmonEvent(set, SYSMON, "10")));
    }

    @Test
    void security4688IsMatchedThroughRenamedFields() {
        CompiledRuleSet set = compileClean(WHOAMI);
        TestEvent security = TestEvent.of(set.fields()).put("Channel", "Security").putNumber("EventID", "4688")
                .put("NewProcessName", "C:\\Windows\\System32\\WHOAMI.EXE").put("ParentProcessName", "C:\\Windows\\cmd.exe");
        assertEquals(List.of("Whoami"), hits(set, security));

        TestEvent sysmonNamesIn4688 = TestEvent.of(set.fields()).put("Channel", "Security").putNumber("EventID", "4688")
                .put("Image", "C:\\Windows\\System32\\whoami.exe").put("ParentImage", "C:\\Windows\\cmd.exe");
        assertEquals(List.of(), hits(set, sysmonNamesIn4688), "4688 events carry NewProcessName, not Image");

        TestEvent sysmonOneWithSecurityNames = TestEvent.of(set.fields()).put("Channel", SYSMON).putNumber("EventID", "1")
                .put("NewProcessName", "C:\\whoami.exe").put("ParentProcessName", "C:\\cmd.exe");
        assertEquals(List.of(), hits(set, sysmonOneWithSecurityNames));
    }

    @Test
    void ruleMatchingThroughTwoVariantsIsReportedOnce() {
        CompiledRuleSet set = compileClean(WHOAMI);
        TestEvent both = TestEvent.of(set.fields()).put("Image", "x\\whoami.exe").put("ParentImage", "x\\cmd.exe")
                .put("NewProcessName", "x\\whoami.exe").put("ParentProcessName", "x\\cmd.exe");
        assertEquals(List.of("Whoami"), hits(set, both));
    }

    @Test
    void fieldTableHoldsRoutingFieldsAndRenamedFields() {
        FieldTable fields = compileClean(WHOAMI).fields();
        for (String name : List.of("Channel", "EventID", "Image", "ParentImage", "NewProcessName", "ParentProcessName")) {
            assertTrue(fields.slotOf(name) != FieldTable.ABSENT, name);
        }
    }

    @Test
    void unmappedLogSourceRunsOnEveryEventWithAWarning() {
        SigmaRule linux = rule("Linux Whoami", new LogSource("process_creation", "solaris", null), match("Image", "*/whoami"));
        CompileResult result = RuleSetCompiler.compile(List.of(linux), LogsourceMapping.builtIn());
        assertEquals(List.of(new Problem(new Location("Linux Whoami.yml", 1, 1), Problem.Severity.WARNING, "logsource",
                "rule 'Linux Whoami' has log source product=solaris category=process_creation, which has no log-source "
                        + "mapping; it runs on every event")), result.problems());
        CompiledRuleSet set = result.ruleSet();
        assertEquals(List.of("Linux Whoami"),
                hits(set, TestEvent.of(set.fields()).put("Channel", "Security").putNumber("EventID", "4688").put("Image", "/usr/bin/whoami")));
        assertEquals(List.of("Linux Whoami"), hits(set, TestEvent.of(set.fields()).put("Image", "/usr/bin/whoami")));
    }

    @Test
    void ruleThatCannotCompileIsLeftOutByNameAndTheOthersKeepContiguousIndexes() {
        SigmaRule broken = rule("Broken Regex", PROCESS_CREATION, regex("CommandLine", "a(b"));
        SigmaRule other = rule("Other", PROCESS_CREATION, match("CommandLine", "*-enc *"));
        CompileResult result = RuleSetCompiler.compile(List.of(WHOAMI, broken, other), LogsourceMapping.builtIn());
        assertEquals(1, result.errorCount());
        Problem problem = result.problems().get(0);
        assertEquals(Problem.Severity.ERROR, problem.severity());
        assertEquals("unsupported-pattern", problem.kind());
        assertEquals(new Location("Broken Regex.yml", 1, 1), problem.location());
        assertEquals("rule 'Broken Regex' is left out: regular expression 'a(b' is accepted neither by RE2J "
                + "(missing closing )) nor by java.util.regex (Unclosed group near index 3)", problem.message());
        List<CompiledRule> rules = result.ruleSet().rules();
        assertEquals(List.of("Whoami", "Other"), rules.stream().map(rule -> rule.info().title()).toList());
        assertEquals(List.of(0, 1), rules.stream().map(CompiledRule::index).toList());
    }

    /**
     * A thousand regexes each just under the size limit once took 6.4 GB to load: the rule set's
     * regexes share one budget, the rules whose regexes overdraw it are left out, and the others,
     * before or after them, load (a regex already granted costs nothing more).
     */
    @Test
    void regexesShareOneBudgetPerRuleSet() {
        List<SigmaRule> rules = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rules.add(rule("Big " + i, PROCESS_CREATION, regex("CommandLine", "q" + i + "(x{1,200}){1,200}")));
        }
        rules.add(rule("Big 0 again", PROCESS_CREATION, regex("CommandLine", "q0(x{1,200}){1,200}")));
        rules.add(WHOAMI);
        CompileResult result = RuleSetCompiler.compile(rules, LogsourceMapping.builtIn());
        List<String> loaded = result.ruleSet().rules().stream().map(rule -> rule.info().title()).toList();
        int granted = loaded.size() - 2;
        assertTrue(granted >= 10 && granted < 20, "loaded " + loaded);
        for (int i = 0; i < 20; i++) {
            assertEquals(i < granted, loaded.contains("Big " + i), "Big " + i + " in " + loaded);
        }
        assertTrue(loaded.containsAll(List.of("Big 0 again", "Whoami")), loaded.toString());
        assertEquals(20 - granted, result.errorCount());
        for (Problem problem : result.problems()) {
            assertTrue(problem.message().contains("of the " + RegexBudget.DEFAULT_INSTRUCTIONS + " they may have together"),
                    problem.message());
        }
    }

    @Test
    void hitsComeInRuleOrderAndStandalonePredicatesAgreeWithTheEvaluator() {
        SigmaRule second = rule("Any Cmd Parent", PROCESS_CREATION, match("ParentImage", "*\\cmd.exe"));
        SigmaRule third = rule("Security Only", new LogSource(null, "windows", "security"), match("EventID", "4688"));
        CompiledRuleSet set = compileClean(WHOAMI, second, third);
        List<TestEvent> events = List.of(sysmonEvent(set, SYSMON, "1"), sysmonEvent(set, null, null),
                sysmonEvent(set, "Security", "4688"), sysmonEvent(set, SYSMON, "4688"),
                TestEvent.of(set.fields()).putNumber("EventID", "4688").put("NewProcessName", "a\\whoami.exe")
                        .put("ParentProcessName", "b\\CMD.exe"));
        List<List<String>> expected = List.of(List.of("Whoami", "Any Cmd Parent"),
                List.of("Whoami", "Any Cmd Parent"), List.of("Security Only"), List.of(),
                List.of("Whoami", "Any Cmd Parent", "Security Only"));
        for (int i = 0; i < events.size(); i++) {
            TestEvent event = events.get(i);
            assertEquals(expected.get(i), hits(set, event), "event " + i + " " + event);
            List<String> standalone = set.rules().stream().filter(rule -> rule.predicate().test(event))
                    .map(rule -> rule.info().title()).toList();
            assertEquals(expected.get(i), standalone, "standalone predicates, event " + i);
        }
    }

    @Test
    void sharedConditionIsEvaluatedOncePerEventWhateverTheNumberOfRules() {
        // The event holds every rule's needle, so the pre-filter lets all twenty through to routing.
        List<SigmaRule> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(rule("Rule " + i, PROCESS_CREATION, match("CommandLine", "*needle" + i + "*")));
        }
        assertEquals(channelReads(List.of(many.get(0))), channelReads(many));
    }

    private static int channelReads(List<SigmaRule> rules) {
        CompiledRuleSet set = RuleSetCompiler.compile(rules, LogsourceMapping.builtIn()).ruleSet();
        int channel = set.fields().slotOf("Channel");
        TestEvent event = TestEvent.of(set.fields()).put("Channel", "Security").putNumber("EventID", "4688")
                .put("CommandLine", java.util.stream.IntStream.range(0, 20).mapToObj(i -> "needle" + i)
                        .collect(java.util.stream.Collectors.joining(" ")));
        int[] reads = new int[1];
        EventView counting = new DelegatingEventView(event) {
            @Override
            public int valueCount(int slot) {
                reads[0] += slot == channel ? 1 : 0;
                return super.valueCount(slot);
            }
        };
        RuleEvaluator evaluator = set.newEvaluator();
        evaluator.evaluate(counting, rule -> { });
        int first = reads[0];
        evaluator.evaluate(counting, rule -> { });
        assertEquals(first + 1, reads[0],
                "an event with the same routing values reads Channel once, for the route lookup, and tests no condition");
        assertTrue(first > 1);
        return first;
    }

    @Test
    void predicateClassesAreDefinedOnlyForRulesAnEventReaches() {
        SigmaRule security = rule("Security Only", new LogSource(null, "windows", "security"), match("EventID", "4688"));
        CompiledRuleSet set = compileClean(WHOAMI, security);
        List<EventPredicate> predicates = List.of(set.routes().variantPredicate);
        assertEquals(3, predicates.size(), "Whoami has a Sysmon and a Security variant");
        assertTrue(predicates.stream().noneMatch(predicate -> ((DeferredPredicate) predicate).isResolved()));

        assertEquals(List.of("Whoami"), hits(set, sysmonEvent(set, SYSMON, "1")));
        DeferredPredicate sysmonVariant = (DeferredPredicate) predicates.get(0);
        assertTrue(sysmonVariant.isResolved());
        assertTrue(sysmonVariant.resolve().getClass().isHidden());
        assertTrue(predicates.stream().skip(1).noneMatch(predicate -> ((DeferredPredicate) predicate).isResolved()),
                "no Security event was seen");
    }

    @Test
    void ruleUntouchedByRenamesSharesOnePredicateAcrossBothVariants() {
        SigmaRule encoded = rule("Encoded", PROCESS_CREATION, match("CommandLine", "* -enc *"));
        CompiledRuleSet set = compileClean(encoded);
        assertEquals(1, set.routes().variantCount());
        for (String[] routing : new String[][] {{SYSMON, "1"}, {"Security", "4688"}, {null, null}}) {
            TestEvent event = TestEvent.of(set.fields()).put("CommandLine", "powershell -enc AAAA");
            if (routing[0] != null) {
                event.put("Channel", routing[0]).putNumber("EventID", routing[1]);
            }
            assertEquals(List.of("Encoded"), hits(set, event), String.join("/", java.util.Arrays.toString(routing)));
        }
        assertEquals(List.of(), hits(set, TestEvent.of(set.fields()).put("Channel", SYSMON).putNumber("EventID", "4688")
                .put("CommandLine", "powershell -enc AAAA")), "Sysmon has no event 4688");
    }

    @Test
    void anAndTestsItsCheapOperandsBeforeARegexWrittenFirst() {
        // The regex backtracks out of its budget whenever it runs: the count shows whether it ran.
        SigmaRule rule = rule("Cheap first", PROCESS_CREATION,
                and(regex("CommandLine", "^(a+)+\\1$"), match("User", "nobody")));
        CompiledRuleSet set = compileClean(rule);
        String backtracking = "a".repeat(40) + "!";
        assertEquals(List.of(), hits(set, TestEvent.of(set.fields()).put("User", "someone").put("CommandLine", backtracking)));
        assertEquals(0, set.regexBudgetExhaustions(), "the user test failed first, so the regex never ran");
        assertEquals(List.of(), hits(set, TestEvent.of(set.fields()).put("User", "nobody").put("CommandLine", backtracking)));
        assertEquals(1, set.regexBudgetExhaustions(), "the user test passed, so the regex ran");
        assertEquals(List.of("Cheap first"), hits(set, TestEvent.of(set.fields()).put("User", "NOBODY").put("CommandLine", "aa")));
    }

    @Test
    void regexBudgetExhaustionsAreCountedOnTheRuleSet() {
        SigmaRule backtracking = rule("Backtracking", PROCESS_CREATION, regex("CommandLine", "^(a+)+\\1$"));
        CompiledRuleSet set = compileClean(WHOAMI, backtracking);
        assertEquals(0, set.regexBudgetExhaustions());
        assertEquals(List.of(), hits(set, TestEvent.of(set.fields()).put("CommandLine", "a".repeat(40) + "!")));
        assertEquals(1, set.regexBudgetExhaustions(), "both variants apply but share one predicate, so one attempt");
        assertEquals(List.of("Backtracking"), hits(set, TestEvent.of(set.fields()).put("CommandLine", "aaaa")));
        assertEquals(1, set.regexBudgetExhaustions());
    }

    @Test
    void unroutedSetRunsEveryRulePredicateOnEveryEvent() {
        FieldTable fields = PredicateCompilerTest.fields("Image");
        EventPredicate predicate = PredicateCompiler.compile(match("Image", "a"), fields);
        CompiledRuleSet set = new CompiledRuleSet(fields, List.of(new CompiledRule(0, WHOAMI.info(), predicate)));
        assertEquals(List.of("Whoami"), hits(set, TestEvent.of(fields).put("Image", "A")));
        assertEquals(List.of(), hits(set, TestEvent.of(fields).put("Image", "b")));
    }
}
