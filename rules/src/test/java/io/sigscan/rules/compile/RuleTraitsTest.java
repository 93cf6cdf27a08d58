package io.sigscan.rules.compile;

import static io.sigscan.rules.compile.Exprs.and;
import static io.sigscan.rules.compile.Exprs.match;
import static io.sigscan.rules.compile.Exprs.not;
import static io.sigscan.rules.compile.Exprs.or;
import static io.sigscan.rules.compile.Exprs.regex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.ir.Expr;

class RuleTraitsTest {

    @Test
    void countsRegexesLeadingWildcardsAndAlternatives() {
        Expr detection = and(match("Image", "*\\cmd.exe"), or(match("CommandLine", "*/c*"), regex("CommandLine", "a.+b")),
                not(match("ParentImage", "C:\\Windows\\*")));
        RuleTraits traits = RuleTraits.of(detection, true);
        assertEquals(new RuleTraits(true, 1, 2, 4), traits);
        assertEquals(List.of("1 regex", "2 leading wildcards"), traits.reasons());
    }

    @Test
    void aRuleWithoutWitnessOrWithManyAlternativesSaysSo() {
        List<Expr> many = new ArrayList<>();
        for (int i = 0; i <= RuleTraits.MANY_ALTERNATIVES; i++) {
            many.add(match("CommandLine", "tool" + i + ".exe*"));
        }
        RuleTraits traits = RuleTraits.of(new Expr.Or(many), false);
        assertEquals(List.of("no witness: evaluated on every event of its log source",
                (RuleTraits.MANY_ALTERNATIVES + 1) + " alternatives"), traits.reasons());
        assertEquals(List.of(), RuleTraits.of(match("Image", "C:\\x.exe"), true).reasons());
    }
}
