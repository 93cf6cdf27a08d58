package io.sigscan.rules.prefilter;

import static io.sigscan.rules.compile.Exprs.and;
import static io.sigscan.rules.compile.Exprs.cased;
import static io.sigscan.rules.compile.Exprs.keyword;
import static io.sigscan.rules.compile.Exprs.match;
import static io.sigscan.rules.compile.Exprs.not;
import static io.sigscan.rules.compile.Exprs.or;
import static io.sigscan.rules.compile.Exprs.regex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.ir.Expr;

class WitnessesTest {

    @Test
    void patternWitnessIsItsLongestLiteralLowerCased() {
        assertEquals(List.of(new Needle("CommandLine", "downloadstring")),
                Witnesses.of(match("CommandLine", "*New-Object*DownloadString*")));
        assertEquals(List.of(new Needle("Image", "\\whoami.exe")), Witnesses.of(match("Image", "*\\WHOAMI.EXE")));
    }

    @Test
    void andTakesTheMostSelectiveOperandAndOrTakesTheUnion() {
        Expr selection = and(match("Image", "*\\cmd.exe"), match("CommandLine", "* /c *"), match("User", "*"));
        assertEquals(List.of(new Needle("Image", "\\cmd.exe")), Witnesses.of(selection));
        assertEquals(List.of(new Needle("Image", "\\cmd.exe"), new Needle("Image", "\\pwsh.exe")),
                Witnesses.of(or(match("Image", "*\\cmd.exe"), match("Image", "*\\pwsh.exe"))));
        assertEquals(List.of(new Needle("Image", "\\cmd.exe")),
                Witnesses.of(and(match("Image", "*\\cmd.exe"), not(match("CommandLine", "*harmless*")))),
                "a negated operand cannot witness, the other one does");
    }

    @Test
    void whatCannotBeWitnessedHasNoWitness() {
        assertNull(Witnesses.of(not(match("Image", "*\\cmd.exe"))), "not");
        assertNull(Witnesses.of(regex("CommandLine", "enc|oded")), "regex with a top-level alternation");
        assertEquals(List.of(new Needle(Needle.KEYWORDS, "mimikatz")), Witnesses.of(keyword("*MimiKatz*")),
                "a keyword is a pattern on every string value");
        assertNull(Witnesses.of(match("Image", "*")), "wildcard only");
        assertNull(Witnesses.of(match("Image", "")), "empty value");
        assertNull(Witnesses.of(or(match("Image", "*\\cmd.exe"), regex("CommandLine", "[a-z]+"))),
                "an alternative without a witness leaves the whole or without one");
        assertNull(Witnesses.of(Expr.TRUE));
        assertEquals(List.of(), Witnesses.of(Expr.FALSE), "a detection that never matches needs no evaluation");
    }

    @Test
    void nonAsciiCharactersAreKeptOnlyWhenTheirBytesAreCertain() {
        // The en dash has no case: a matching value holds its bytes.
        assertEquals(List.of(new Needle("CommandLine", "\u2013enc")), Witnesses.of(match("CommandLine", "*\u2013enc*")));
        // 'É' folds to 'é', which a value may hold as 'é' or 'É': not certain, so the run breaks there.
        assertEquals(List.of(new Needle("CommandLine", "-ncod")), Witnesses.of(match("CommandLine", "*-ncod\u00c9*")));
        // Cased, the character is compared as written.
        assertEquals(List.of(new Needle("CommandLine", "-ncod\u00c9")), Witnesses.of(cased("CommandLine", "*-ncod\u00c9*")));
        // A lone Cyrillic 'а' may be written 'а' or 'А': either form witnesses it.
        assertEquals(List.of(new Needle("CommandLine", "\u0430"), new Needle("CommandLine", "\u0410")),
                Witnesses.of(match("CommandLine", "*\u0410*")));
        // The Kelvin sign folds to ASCII 'k'.
        assertEquals(List.of(new Needle("CommandLine", "kelvin")), Witnesses.of(match("CommandLine", "*\u212Aelvin*")));
    }
}
