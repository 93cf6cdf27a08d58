package io.sigscan.rules.load;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.LogSource;
import io.sigscan.rules.model.RuleReference;
import io.sigscan.rules.model.SigmaFilter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sigscan.rules.load.RuleTexts.load;
import static io.sigscan.rules.load.RuleTexts.rendered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Meta filter documents: rules, log source and a detection lowered like a rule's. */
class FilterLoadingTest {

    private static final String HEAD = "title: Admins\nid: 3c0a2a3e-0c1b-4f7e-9e77-1c4b2d6f0a11\nlogsource:\n"
            + "    product: windows\n    category: process_creation\nfilter:\n";

    private static SigmaFilter only(String body) {
        LoadResult result = load(HEAD + body.indent(4));
        assertEquals(List.of(), rendered(result));
        assertEquals(1, result.filters().size());
        return result.filters().get(0);
    }

    @Test
    void rulesLogSourceAndConditionAreRead() {
        SigmaFilter filter = only("rules:\n    - 6f3e2987-db24-4c78-a860-b4f4095a7095\n    - login_jump_host\n"
                + "selection:\n    User|startswith: adm_\ncondition: not selection\n");
        assertEquals(List.of(new RuleReference("6f3e2987-db24-4c78-a860-b4f4095a7095", new Location("test.yml", 8, 11)),
                new RuleReference("login_jump_host", new Location("test.yml", 9, 11))), filter.rules());
        assertEquals(new LogSource("process_creation", "windows", null), filter.logSource());
        assertInstanceOf(Expr.Not.class, filter.condition());
    }

    @Test
    void rulesAnyOrAllMeanEveryRuleOfTheLogSource() {
        String detection = "selection:\n    User: admin\ncondition: not selection\n";
        assertEquals(List.of(), only("rules: any\n" + detection).rules());
        assertEquals(List.of(), only("rules: all\n" + detection).rules());
    }

    /** The spec makes 'rules' mandatory; one naming none would silence every rule of its log source unnoticed. */
    @Test
    void aFilterNamingNoRulesIsRejected() {
        String detection = "    selection:\n        User: admin\n    condition: not selection\n";
        String expected = "error: filter names no rules; list the rule ids or names it applies to under 'rules', or"
                + " write 'rules: any' for every rule of its log source [filter]";
        LoadResult missing = load(HEAD + detection);
        assertEquals(List.of("test.yml:7:5: " + expected), rendered(missing));
        assertEquals(List.of(), missing.filters());
        LoadResult empty = load(HEAD + "    rules: []\n" + detection);
        assertEquals(List.of("test.yml:7:12: " + expected), rendered(empty));
        assertEquals(List.of(), empty.filters());
        assertEquals(List.of("test.yml:7:11: " + expected), rendered(load(HEAD + "    rules:\n" + detection)));
    }

    @Test
    void conditionWithoutNotIsAWarningBecauseItKeepsOnlyWhatItMatches() {
        LoadResult result = load(HEAD + "    rules: r\n    selection:\n        User: admin\n    condition: selection\n");
        assertEquals(List.of("test.yml:10:16: warning: filter condition 'selection' has no 'not': it is ANDed onto the "
                + "rules as written, so they only match events it matches; write 'not selection' to exclude them "
                + "[filter]"), rendered(result));
        assertEquals(1, result.filters().size());
    }

    @Test
    void missingConditionOrBadSelectionRejectsTheFilter() {
        LoadResult result = load(HEAD + "    rules: r\n    selection:\n        User: admin\n");
        assertEquals(List.of("test.yml:7:5: error: detection has no 'condition'; add one such as 'condition: "
                + "selection' [detection]"), rendered(result));
        assertEquals(List.of(), result.filters());
        assertEquals(List.of(), load(HEAD + "    selection:\n        User|nosuchmodifier: a\n    condition: not selection\n")
                .filters());
    }

    @Test
    void filterWithoutLogSourceOrWithAScalarFilterIsRejected() {
        LoadResult noLogsource = load("title: F\nfilter:\n    rules: r\n    sel:\n        a: 1\n    condition: not sel\n");
        assertEquals(List.of("test.yml:1:1: error: rule has no 'logsource'; give at least one of category, product, "
                + "service [metadata]"), rendered(noLogsource));
        assertEquals(List.of(), noLogsource.filters());
        LoadResult scalar = load("title: F\nlogsource:\n    product: windows\nfilter: everything\n");
        assertEquals(List.of("test.yml:4:9: error: 'filter' is the string 'everything'; it must be a mapping of rules, "
                + "selections and a condition [filter]"), rendered(scalar));
    }

    @Test
    void badRuleReferenceIsReported() {
        LoadResult result = load(HEAD + "    rules:\n        - [a, b]\n    sel:\n        a: 1\n    condition: not sel\n");
        assertEquals(List.of("test.yml:8:11: error: filter 'rules' holds a list; list rule ids or names, or write 'any' "
                + "for every rule of the log source [filter]"), rendered(result));
    }
}
