package io.sigscan.rules.filter;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.load.LoadResult;
import io.sigscan.rules.load.RuleLoader;
import io.sigscan.rules.model.SigmaRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which rules a filter lands on, and what their detection becomes. */
class FilterApplierTest {

    private static final String RULES = rule("Rar", "6f3e2987-db24-4c78-a860-b4f4095a7095", "rar", "process_creation")
            + "---\n" + rule("Jump host", "df0841c0-9846-4e9f-ad8a-7df91571771b", "login_jump_host", "process_creation")
            + "---\n" + rule("Other", "0b7d0f0e-4f35-4d5e-8f0b-1e2d3c4b5a69", "other", "process_creation")
            + "---\n" + rule("Dns", "1c8e1f1f-5a46-4e6f-9a1c-2f3e4d5c6b7a", "dns", "dns_query");

    private static String rule(String title, String id, String name, String category) {
        return "title: " + title + "\nid: " + id + "\nname: " + name + "\nlogsource:\n    product: windows\n"
                + "    category: " + category + "\ndetection:\n    sel:\n        Image: x\n    condition: sel\n";
    }

    private static String filter(String rules) {
        return "---\ntitle: Admins\nlogsource:\n    product: windows\n    category: process_creation\nfilter:\n"
                + rules + "    selection:\n        User|startswith: adm_\n    condition: not selection\n";
    }

    private static FilterApplier.Result apply(String text) {
        LoadResult loaded = RuleLoader.defaults().load("test.yml", text);
        assertEquals(List.of(), loaded.problems());
        FilterApplier.Result result = FilterApplier.apply(loaded.rules(), loaded.filters());
        for (int i = 0; i < loaded.rules().size(); i++) {
            assertEquals(loaded.rules().get(i).info(), result.rules().get(i).info(), "rules keep their order");
        }
        return result;
    }

    /** Titles of the rules whose detection is now {@code (original) and (filter condition)}. */
    private static List<String> filtered(FilterApplier.Result result, String text) {
        List<SigmaRule> original = RuleLoader.defaults().load("test.yml", text).rules();
        Expr condition = RuleLoader.defaults().load("test.yml", text).filters().get(0).condition();
        return result.rules().stream()
                .filter(rule -> {
                    Expr before = original.stream().filter(o -> o.info().equals(rule.info())).findFirst()
                            .orElseThrow().detection();
                    return rule.detection().equals(new Expr.And(List.of(before, condition)));
                })
                .map(rule -> rule.info().title()).toList();
    }

    @Test
    void filterAppliesToTheRulesItNamesByIdOrName() {
        String text = RULES + filter("    rules:\n        - 6f3e2987-db24-4c78-a860-b4f4095a7095\n"
                + "        - login_jump_host\n");
        FilterApplier.Result result = apply(text);
        assertEquals(List.of("Rar", "Jump host"), filtered(result, text));
        assertEquals(List.of(), result.problems());
    }

    @Test
    void filterForAnyRuleAppliesToEveryRuleOfItsLogSource() {
        String text = RULES + filter("    rules: any\n");
        assertEquals(List.of("Rar", "Jump host", "Other"), filtered(apply(text), text));
    }

    @Test
    void filterNamingAnUnknownRuleWarnsAtTheReference() {
        String text = RULES + filter("    rules:\n        - rar\n        - no_such_rule\n");
        FilterApplier.Result result = apply(text);
        assertEquals(List.of("Rar"), filtered(result, text));
        assertEquals(List.of("test.yml:52:11: warning: filter 'Admins' names rule 'no_such_rule', which is not loaded "
                + "(no rule has that id or name) [filter]"), result.problems().stream().map(Object::toString).toList());
    }

    @Test
    void filterNamingARuleOfAnotherLogSourceLeavesItAndWarns() {
        String text = RULES + filter("    rules:\n        - dns\n");
        FilterApplier.Result result = apply(text);
        assertEquals(List.of(), filtered(result, text));
        assertEquals(List.of("test.yml:51:11: warning: filter 'Admins' names rule 'dns', whose log source "
                + "product=windows category=dns_query is not within the filter's product=windows "
                + "category=process_creation, so it is not filtered [filter]"),
                result.problems().stream().map(Object::toString).toList());
    }

    @Test
    void logSourceFilterThatMatchesNoRuleWarns() {
        String text = rule("Dns", "1c8e1f1f-5a46-4e6f-9a1c-2f3e4d5c6b7a", "dns", "dns_query") + filter("    rules: any\n");
        assertEquals(List.of("test.yml:12:1: warning: filter 'Admins' applies to every rule of log source "
                + "product=windows category=process_creation, and no loaded rule has it [filter]"),
                apply(text).problems().stream().map(Object::toString).toList());
    }

    @Test
    void twoFiltersOnOneRuleAreBothApplied() {
        String text = RULES + filter("    rules: rar\n") + filter("    rules: rar\n").replace("adm_", "svc_");
        LoadResult loaded = RuleLoader.defaults().load("test.yml", text);
        FilterApplier.Result result = FilterApplier.apply(loaded.rules(), loaded.filters());
        Expr expected = new Expr.And(List.of(new Expr.And(List.of(loaded.rules().get(0).detection(),
                loaded.filters().get(0).condition())), loaded.filters().get(1).condition()));
        assertEquals(expected, result.rules().get(0).detection());
    }
}
