package io.sigscan.rules.match;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.agrona.DirectBuffer;

import com.google.re2j.Pattern;

/**
 * Sigma's {@code re} on RE2J: an unanchored search in time linear in the value, so hostile values
 * cannot make it hang.
 *
 * <p>Yes or no is all a rule needs. RE2J's public API only finds a match with its position
 * ({@code Matcher.find}), which makes its automaton track capture positions as it goes, and
 * takes its automaton ({@code Machine}) from a pool shared by all threads: a compare-and-set on
 * one shared reference per search, and a new machine whenever two threads search with the same
 * pattern at once. Internally RE2J has what a scan needs: a machine can search a range of a
 * {@code byte[]} ({@code MachineInput.fromUTF8}) without captures ({@code init(0)}, then
 * {@code match(input, 0, UNANCHORED)}, what {@code RE2.doExecute} does between taking the machine
 * from the pool and giving it back). These package-private members are called through private
 * lookups (the library is on the class path, whose packages are open), each scanning thread
 * keeping its own machine per matcher; when the pinned RE2J's internals are not there,
 * {@code Matcher.find}, with the same answers. The yes/no search took SigmaHQ's svchost
 * command-line rule from 40 to 17 ns per event.
 *
 * <p>First, though, each thread's {@link LazyDfa} over the same compiled program answers for
 * ASCII values, one table lookup per byte, with RE2J's answers; RE2J's automaton runs on what
 * the DFA leaves (other bytes, a DFA grown too large). Over the exported EVTX samples the rules
 * with regexes took 0.73 s of a 1.4 s profile with RE2J alone, 0.21 s of 0.84 s with the DFAs.
 *
 * <p>Cost: RE2J reads UTF-8 from a {@code byte[]}, so the value is copied into a per-thread array
 * reused from call to call; the input over its first n bytes is made once per thread and length
 * (up to {@value #CACHED_INPUTS} bytes), so a search allocates nothing. Only the public fallback
 * needs a copy of exactly the value's length per call. A regex runs only after cheaper tests of
 * the same rule have passed, and after the {@link LiteralGuardedMatcher} in front of it found the
 * literal text the pattern requires, when it requires some. The pattern itself is immutable and
 * shared by all threads.
 */
final class RegexMatcher extends ValueMatcher {
    /** RE2J's internals a search without captures needs, or null when this RE2J lacks them. */
    private static final Internals INTERNALS = Internals.find();
    /**
     * Whether the lazy DFAs run ({@code -Dsigscan.regexDfa=false} leaves every search to RE2J's
     * automaton: to compare the two, or to rule the DFA out when chasing a wrong answer).
     */
    private static final boolean DFA = !"false".equals(System.getProperty("sigscan.regexDfa"));
    /** Longest value whose RE2J input each thread keeps: longer values get a new input per search. */
    private static final int CACHED_INPUTS = 4096;
    private static final ThreadLocal<Copy> COPY = ThreadLocal.withInitial(Copy::new);

    private final Pattern pattern;
    /** RE2J's program for the pattern, read once, for the lazy DFAs; null without RE2J's internals. */
    private final LazyDfa.Program program;
    /** Per scanning thread: the pattern's RE2J automaton and lazy DFA, whose states change as they read. */
    private final ThreadLocal<Searchers> searchers;

    /** Instructions in RE2J's program for {@code pattern}, or -1 when RE2J's internals cannot be read. */
    static int programSize(Pattern pattern) {
        return INTERNALS == null ? -1 : INTERNALS.programSize(pattern);
    }

    RegexMatcher(Pattern pattern) {
        this.pattern = pattern;
        this.program = INTERNALS == null || !DFA ? null : INTERNALS.program(pattern);
        this.searchers = INTERNALS == null ? null : ThreadLocal.withInitial(() -> new Searchers(
                INTERNALS.newMachine(pattern), program == null ? null : new LazyDfa(program)));
    }

    /**
     * What a method handle on RE2J threw, to throw on: unchecked throwables as they are (the
     * handles' targets declare no checked exception, so there is nothing else to expect).
     */
    private static RuntimeException rethrown(Throwable thrown) {
        if (thrown instanceof Error error) {
            throw error;
        }
        return thrown instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(thrown);
    }

    /** One thread's searchers for one pattern: the DFA first, RE2J's automaton for what it leaves. */
    private record Searchers(Object machine, LazyDfa dfa) {
    }

    /**
     * Method handles on RE2J's package-private search, typed with {@code Object} for its
     * package-private classes ({@code RE2}, {@code Machine}, {@code MachineInput}).
     *
     * @param newMachine {@code (Pattern) -> Machine}: a new automaton for the pattern's program
     * @param init       {@code (Machine, int ncap) -> void}: readies the automaton for a search
     * @param match      {@code (Machine, MachineInput, int pos, int anchor) -> boolean}
     * @param input      {@code (byte[], int start, int end) -> MachineInput}
     */
    private record Internals(MethodHandle newMachine, MethodHandle init, MethodHandle match, MethodHandle input,
                             ProgramReader programs) {
        /** {@code RE2.UNANCHORED}. */
        static final int UNANCHORED = 0;

        static Internals find() {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                Class<?> re2 = Class.forName("com.google.re2j.RE2");
                Class<?> machine = Class.forName("com.google.re2j.Machine");
                Class<?> machineInput = Class.forName("com.google.re2j.MachineInput");
                MethodHandles.Lookup inMachine = MethodHandles.privateLookupIn(machine, lookup);
                MethodHandle re2OfPattern = MethodHandles.privateLookupIn(Pattern.class, lookup)
                        .findVirtual(Pattern.class, "re2", MethodType.methodType(re2));
                MethodHandle newMachine = MethodHandles.filterArguments(
                        inMachine.findConstructor(machine, MethodType.methodType(void.class, re2)), 0, re2OfPattern);
                MethodHandle init = inMachine.findVirtual(machine, "init", MethodType.methodType(void.class, int.class));
                MethodHandle match = inMachine.findVirtual(machine, "match",
                        MethodType.methodType(boolean.class, machineInput, int.class, int.class));
                MethodHandle input = MethodHandles.privateLookupIn(machineInput, lookup).findStatic(machineInput,
                        "fromUTF8", MethodType.methodType(machineInput, byte[].class, int.class, int.class));
                return new Internals(
                        newMachine.asType(MethodType.methodType(Object.class, Pattern.class)),
                        init.asType(MethodType.methodType(void.class, Object.class, int.class)),
                        match.asType(MethodType.methodType(boolean.class, Object.class, Object.class, int.class,
                                int.class)),
                        input.asType(MethodType.methodType(Object.class, byte[].class, int.class, int.class)),
                        ProgramReader.find(re2, re2OfPattern));
            } catch (ReflectiveOperationException | RuntimeException unavailable) {
                return null;
            }
        }

        Object newMachine(Pattern pattern) {
            try {
                return newMachine.invokeExact(pattern);
            } catch (Throwable thrown) {
                throw rethrown(thrown);
            }
        }

        /** Instructions in the pattern's compiled program, or -1 when this RE2J's program cannot be read. */
        int programSize(Pattern pattern) {
            return programs == null ? -1 : programs.size(pattern);
        }

        /** The pattern's program for {@link LazyDfa}, or null when this RE2J's program cannot be read. */
        LazyDfa.Program program(Pattern pattern) {
            return programs == null ? null : programs.read(pattern);
        }

        Object input(byte[] bytes, int length) {
            try {
                return input.invokeExact(bytes, 0, length);
            } catch (Throwable thrown) {
                throw rethrown(thrown);
            }
        }

        boolean search(Object machine, Object input) {
            try {
                init.invokeExact(machine, 0);
                return (boolean) match.invokeExact(machine, input, 0, UNANCHORED);
            } catch (Throwable thrown) {
                throw rethrown(thrown);
            }
        }
    }

    /**
     * Reads RE2J's compiled program ({@code RE2.prog}: its {@code Inst}s' op, out, arg and runes)
     * through private lookups, for {@link LazyDfa}.
     */
    private record ProgramReader(MethodHandle re2OfPattern, MethodHandle prog, MethodHandle insts,
                                 MethodHandle size, MethodHandle start, MethodHandle op, MethodHandle out,
                                 MethodHandle arg, MethodHandle runes, MethodHandle matchRune) {

        /** {@code re2OfPattern}: {@code (Pattern) -> RE2}, typed with {@code re2}. */
        static ProgramReader find(Class<?> re2, MethodHandle re2OfPattern) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                Class<?> progClass = Class.forName("com.google.re2j.Prog");
                Class<?> inst = Class.forName("com.google.re2j.Inst");
                MethodHandles.Lookup inRe2 = MethodHandles.privateLookupIn(re2, lookup);
                MethodHandles.Lookup inProg = MethodHandles.privateLookupIn(progClass, lookup);
                MethodHandles.Lookup inInst = MethodHandles.privateLookupIn(inst, lookup);
                Class<?> instArray = inst.arrayType();
                return new ProgramReader(
                        re2OfPattern.asType(MethodType.methodType(Object.class, Pattern.class)),
                        inRe2.findGetter(re2, "prog", progClass).asType(MethodType.methodType(Object.class, Object.class)),
                        inProg.findGetter(progClass, "inst", instArray)
                                .asType(MethodType.methodType(Object[].class, Object.class)),
                        inProg.findGetter(progClass, "instSize", int.class)
                                .asType(MethodType.methodType(int.class, Object.class)),
                        inProg.findGetter(progClass, "start", int.class)
                                .asType(MethodType.methodType(int.class, Object.class)),
                        inInst.findGetter(inst, "op", int.class).asType(MethodType.methodType(int.class, Object.class)),
                        inInst.findGetter(inst, "out", int.class).asType(MethodType.methodType(int.class, Object.class)),
                        inInst.findGetter(inst, "arg", int.class).asType(MethodType.methodType(int.class, Object.class)),
                        inInst.findGetter(inst, "runes", int[].class)
                                .asType(MethodType.methodType(int[].class, Object.class)),
                        inInst.findVirtual(inst, "matchRune", MethodType.methodType(boolean.class, int.class))
                                .asType(MethodType.methodType(boolean.class, Object.class, int.class)));
            } catch (ReflectiveOperationException | RuntimeException unavailable) {
                return null;
            }
        }

        /** Instructions in the program, or -1 when it cannot be read. */
        int size(Pattern pattern) {
            try {
                return (int) size.invokeExact(prog.invokeExact((Object) re2OfPattern.invokeExact(pattern)));
            } catch (Error error) {
                throw error;
            } catch (Throwable unreadable) {
                return -1;
            }
        }

        /** The program, or null when it cannot be read (the pattern is then searched by RE2J alone). */
        LazyDfa.Program read(Pattern pattern) {
            try {
                Object program = prog.invokeExact((Object) re2OfPattern.invokeExact(pattern));
                Object[] instructions = (Object[]) insts.invokeExact(program);
                int count = (int) size.invokeExact(program);
                int[] ops = new int[count];
                int[] outs = new int[count];
                int[] args = new int[count];
                int[][] runeLists = new int[count][];
                for (int pc = 0; pc < count; pc++) {
                    Object instruction = instructions[pc];
                    ops[pc] = (int) op.invokeExact(instruction);
                    outs[pc] = (int) out.invokeExact(instruction);
                    args[pc] = (int) arg.invokeExact(instruction);
                    runeLists[pc] = (int[]) runes.invokeExact(instruction);
                }
                return new LazyDfa.Program(ops, outs, args, (int) start.invokeExact(program),
                        (pc, b) -> stepsOn(instructions[pc], ops[pc], runeLists[pc], b));
            } catch (Error error) {
                throw error;
            } catch (Throwable unreadable) {
                return null;
            }
        }

        /** What RE2J's machine tests when instruction {@code instruction} meets rune {@code b}. */
        private boolean stepsOn(Object instruction, int op, int[] runes, int b) {
            try {
                return switch (op) {
                    case LazyDfa.Program.RUNE -> (boolean) matchRune.invokeExact(instruction, b);
                    case LazyDfa.Program.RUNE1 -> runes[0] == b;
                    case LazyDfa.Program.RUNE_ANY -> true;
                    case LazyDfa.Program.RUNE_ANY_NOT_NL -> b != '\n';
                    default -> false;
                };
            } catch (Throwable thrown) {
                throw rethrown(thrown);
            }
        }
    }

    /**
     * One scanning thread's copy of the value RE2J reads: values of up to {@value #CACHED_INPUTS}
     * bytes in a fixed array, with RE2J's input over its first n bytes made once per n; longer
     * ones in an array grown to the longest, with an input per search.
     */
    private static final class Copy {
        final byte[] shortValue = new byte[CACHED_INPUTS];
        final Object[] inputs = new Object[CACHED_INPUTS + 1];
        byte[] longValue = new byte[0];

        /** Copies the value and returns RE2J's input over the copy. */
        Object inputOver(DirectBuffer buffer, int offset, int length) {
            if (length <= CACHED_INPUTS) {
                buffer.getBytes(offset, shortValue, 0, length);
                Object input = inputs[length];
                if (input == null) {
                    input = INTERNALS.input(shortValue, length);
                    inputs[length] = input;
                }
                return input;
            }
            if (longValue.length < length) {
                longValue = new byte[Math.max(length, 2 * longValue.length)];
            }
            buffer.getBytes(offset, longValue, 0, length);
            return INTERNALS.input(longValue, length);
        }
    }

    /** Whether searches skip capture tracking and the shared pool (RE2J's internals were found). */
    static boolean searchesWithoutCaptures() {
        return INTERNALS != null;
    }

    @Override
    public int cost() {
        return REGEX;
    }

    @Override
    boolean matchesInBounds(DirectBuffer buffer, int offset, int length) {
        if (INTERNALS == null) {
            final byte[] value = new byte[length];
            buffer.getBytes(offset, value);
            return findWithMatcher(value);
        }
        final Searchers searcher = searchers.get();
        final LazyDfa dfa = searcher.dfa;
        if (dfa != null && dfa.usable()) {
            final int answer = dfa.search(buffer, offset, length);
            if (answer != LazyDfa.GAVE_UP) {
                return answer == LazyDfa.MATCH;
            }
        }
        return INTERNALS.search(searcher.machine, COPY.get().inputOver(buffer, offset, length));
    }

    /**
     * This thread's lazy DFA's answer alone: {@link LazyDfa#MATCH}, {@link LazyDfa#NO_MATCH} or
     * {@link LazyDfa#GAVE_UP} (also when there is no DFA). For tests.
     */
    int searchWithDfa(DirectBuffer buffer, int offset, int length) {
        final LazyDfa dfa = searchers == null ? null : searchers.get().dfa;
        return dfa == null || !dfa.usable() ? LazyDfa.GAVE_UP : dfa.search(buffer, offset, length);
    }

    /** The public API's answer: {@code Matcher.find}. */
    boolean findWithMatcher(byte[] value) {
        return pattern.matcher(value).find();
    }

    @Override
    public String toString() {
        return "re(" + pattern.pattern() + ")";
    }
}
