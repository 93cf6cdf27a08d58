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

    /** A pattern naming a class that was renamed or moved would silently exclude nothing. */
    @Test
    void everyPatternNamesAClassThatExists() throws ClassNotFoundException {
        for (String pattern : LoadTimeCompilation.LOAD_ONLY) {
            String classPart = pattern.substring(0, pattern.lastIndexOf('.')).replace('/', '.');
            if (classPart.endsWith(".*")) {
                String pkg = classPart.substring(0, classPart.length() - 2);
                boolean inTheJdk = ModuleLayer.boot().modules().stream().anyMatch(m -> m.getPackages().contains(pkg));
                assertTrue(inTheJdk || getClass().getClassLoader().getResource(pkg.replace('.', '/')) != null, pattern);
            } else {
                Class.forName(classPart.endsWith("*") ? classPart.substring(0, classPart.length() - 1) : classPart);
            }
        }
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
