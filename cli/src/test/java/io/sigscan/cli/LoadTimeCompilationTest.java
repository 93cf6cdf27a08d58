package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class LoadTimeCompilationTest {

    /** On HotSpot (what CI and the README's JDK run) the directive must be taken, or loading's C2 work returns. */
    @Test
    void hotSpotTakesTheDirectiveKeepingC2OffLoadOnlyCode() {
        String vm = System.getProperty("java.vm.name", "");
        assumeTrue(vm.contains("HotSpot") || vm.contains("OpenJDK"), "compiler directives are HotSpot's; this JVM is " + vm);
        LoadTimeCompilation.keepOptimisingCompilerOffLoading();
        LoadTimeCompilation.keepOptimisingCompilerOffLoading();
        assertTrue(LoadTimeCompilation.taken(), LoadTimeCompilation.directive());
    }

    @Test
    void theDirectiveNamesEveryLoadOnlyPackageAndExcludesOnlyC2() {
        String directive = LoadTimeCompilation.directive();
        for (String pattern : LoadTimeCompilation.LOAD_ONLY) {
            assertTrue(directive.contains("\"" + pattern + "\""), pattern);
        }
        assertTrue(directive.contains("c2: { Exclude: true }") && !directive.contains("c1"), directive);
    }
}
