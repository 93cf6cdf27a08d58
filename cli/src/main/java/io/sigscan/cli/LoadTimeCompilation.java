package io.sigscan.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler (C2) off the code that runs only while rules load: YAML
 * parsing, lowering, optimising and compiling rules, building their matchers, describing their
 * costs (C2 compiled that last one, {@code RuleTraits.count}, for 0.28 s a second into the scan
 * until it was listed here). Loading thousands of rule files makes that
 * code hot, and its C2 compilations, queued during loading, ran on into the scan on the same
 * cores: with SigmaHQ's 2,407 Windows rules, 1.1 s of C2 work after a 1 GB scan had started, on
 * methods never called again. Left to the quick compiler (C1), loading is no slower and a 1 GB
 * hunt on one thread took 0.5-0.7 s less wall time (measured with the same directive given as
 * {@code -XX:CompilerDirectivesFile}).
 *
 * <p>Done through HotSpot's {@code Compiler.directives_add} diagnostic command (the one {@code jcmd}
 * runs), on a background thread so that starting the management server overlaps loading, and once
 * per JVM: directives stack up (HotSpot keeps at most 50), and a process that loads rules again
 * needs no second copy. A JVM without the command (another VM, or a runtime without
 * {@code java.management}) compiles as usual.
 */
final class LoadTimeCompilation {
    /**
     * Classes that run only while rules load, as compiler-directive patterns. A class's pattern
     * ends with {@code *} so that it also covers its nested classes and the classes its lambdas
     * become ({@code RuleTraits$$Lambda$232}): C2 once spent 0.21 s of a scan on one such lambda,
     * which had inlined the recursive walk it was handed to.
     */
    static final List<String> LOAD_ONLY = List.of(
            "org/yaml/snakeyaml/*.*",
            "io/sigscan/rules/load/*.*",
            "io/sigscan/rules/optimize/*.*",
            "io/sigscan/rules/condition/*.*",
            "io/sigscan/rules/logsource/*.*",
            "io/sigscan/rules/prefilter/Witnesses*.*",
            "io/sigscan/rules/compile/RuleSetCompiler*.*",
            "io/sigscan/rules/compile/PredicateCompiler*.*",
            "io/sigscan/rules/compile/RuleTraits*.*",
            "io/sigscan/rules/match/PatternMatchers*.*",
            "io/sigscan/rules/match/MergedTestsMatcher.asciiLiteral",
            "jdk/internal/org/objectweb/asm/*.*");

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private LoadTimeCompilation() {
    }

    /** The directive, added when this class is first used: once per JVM, whatever thread gets there first. */
    private static final class Directive {
        static final boolean TAKEN = addDirective();
    }

    /** Starts asking the JVM, in the background, not to C2-compile {@link #LOAD_ONLY}; once per JVM. */
    static void keepOptimisingCompilerOffLoading() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(LoadTimeCompilation::taken, "sigscan-compiler-directive");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Whether the JVM took the directive (adding it now, and waiting for it, if nobody has yet). */
    static boolean taken() {
        return Directive.TAKEN;
    }

    /** The compiler directive, in HotSpot's directive format. */
    static String directive() {
        return "[{ match: [" + LOAD_ONLY.stream().map(pattern -> "\"" + pattern + "\"").collect(Collectors.joining(", "))
                + "], c2: { Exclude: true } }]";
    }

    /** Adds the directive; whether the JVM took it. */
    private static boolean addDirective() {
        Path file = null;
        try {
            file = Files.createTempFile("sigscan-compiler-directive", ".json");
            Files.writeString(file, directive());
            Object reply = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            return String.valueOf(reply).contains("1 compiler directives added");
        } catch (JMException | java.io.IOException | RuntimeException | LinkageError notHotSpot) {
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // A temporary file left behind is harmless.
                }
            }
        }
    }
}
