package io.sigscan.rules.match;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.UncheckedReads;

/**
 * One thread's lazily built DFA for a regex: RE2J's program ({@link Program}) run over ASCII
 * values one table lookup per byte, instead of RE2J's automaton stepping every live thread per
 * byte (a search for {@code \s[a-fA-F0-9]{64}\s[a-fA-F0-9]{16}} keeps dozens alive through a
 * command line full of GUIDs).
 *
 * <p><b>Same answers as RE2J.</b> A state is what RE2J's automaton holds between two bytes: the
 * set of instructions its threads wait at, plus the class of the byte before ({@link #START},
 * newline, word, other) when the program has empty-width assertions ({@code ^ $ \b \B}), since
 * with the next byte that class decides which of them hold (as RE2J's {@code emptyOpContext}).
 * Following a byte means what RE2J's search does at one position: add the start instruction (the
 * search is unanchored), follow the empty transitions the context allows, answer yes if that
 * reaches {@code MATCH}, and step each rune instruction the byte satisfies (by the same tests
 * as RE2J's machine, tabulated for the 128 ASCII bytes when the program is read). Transitions are
 * computed the first time they are taken and then looked up.
 *
 * <p><b>Limits.</b> Values holding a byte outside ASCII, and searches that would need more than
 * {@value #MAX_STATES} states (or sets of more than {@value #MAX_SET_ENTRIES} instructions in
 * all), are left to RE2J ({@link #GAVE_UP}); the cache is then dropped, and after
 * {@value #MAX_RESETS} such drops this DFA stops trying. Memory per thread and regex is thus
 * bounded (1 MB of transitions, 4 MB of sets), and so is time: a new state costs one pass over
 * the program, and each needs a byte read, so building states costs at most what RE2J's automaton
 * spends stepping its threads over the same bytes; a pattern whose DFA blows up costs what RE2J
 * costs.
 *
 * <p>Not thread-safe: one per thread and regex.
 */
final class LazyDfa {
    /** {@link #search}: no match. */
    static final int NO_MATCH = 0;
    /** {@link #search}: a match. */
    static final int MATCH = 1;
    /** {@link #search}: not decided here (a byte outside ASCII, or too many states). */
    static final int GAVE_UP = -1;

    static final int MAX_STATES = 2048;
    /** Most instruction indexes all states' sets hold together: 4 MB. */
    static final int MAX_SET_ENTRIES = 1 << 20;
    static final int MAX_RESETS = 16;

    /** Classes of the byte before a position: which empty-width assertions can hold there. */
    private static final int START = 0;
    private static final int NEWLINE = 1;
    private static final int WORD = 2;
    private static final int OTHER = 3;

    private static final int ASCII = 128;
    /** In {@link #transitions}: not computed yet; a match at this byte; otherwise state + 2. */
    private static final int UNKNOWN = 0;
    private static final int MATCHED = 1;
    /** In {@link #endAnswers}: not computed yet, no match, match. */
    private static final byte END_UNKNOWN = 0;
    private static final byte END_NO = 1;
    private static final byte END_YES = 2;

    private final Program program;
    private int[][] sets = new int[16][];
    private int[] befores = new int[16];
    private int[] transitions = new int[16 * ASCII];
    private byte[] endAnswers = new byte[16];
    private int stateCount;
    private int setEntries;
    private final Map<StateKey, Integer> states = new HashMap<>();
    private int resets;

    // Scratch for computing a transition.
    private final int[] stack;
    private final int[] seenAt;
    private int seenStamp;
    /** The rune instructions {@link #expand} reached, {@link #expandedCount} of them. */
    private final int[] expanded;
    private int expandedCount;
    private final int[] next;

    LazyDfa(Program program) {
        this.program = program;
        int size = program.op.length;
        this.stack = new int[3 * size + 2]; // each instruction pushes at most two, once
        this.seenAt = new int[size];
        this.expanded = new int[size];
        this.next = new int[size];
        reset();
    }

    /** Whether this DFA still takes searches (it gives up for good after {@value #MAX_RESETS} overflows). */
    boolean usable() {
        return resets <= MAX_RESETS;
    }

    /**
     * Searches {@code buffer[offset, offset + length)} (a range already checked against the
     * buffer): {@link #MATCH}, {@link #NO_MATCH} or {@link #GAVE_UP}.
     */
    int search(DirectBuffer buffer, int offset, int length) {
        final byte[] array = buffer.byteArray();
        final long address = buffer.addressOffset();
        final int end = offset + length;
        int state = 0;
        for (int i = offset; i < end; i++) {
            final int b = UncheckedReads.getByte(buffer, array, address, i);
            if (b < 0) {
                return GAVE_UP;
            }
            int target = transitions[state * ASCII + b];
            if (target == UNKNOWN) {
                target = computeTransition(state, b);
                if (target == UNKNOWN) {
                    return overflow();
                }
            }
            if (target == MATCHED) {
                return MATCH;
            }
            state = target - 2;
        }
        if (endAnswers[state] == END_UNKNOWN) {
            endAnswers[state] = expand(state, -1) ? END_YES : END_NO;
        }
        return endAnswers[state] == END_YES ? MATCH : NO_MATCH;
    }

    private int overflow() {
        resets++;
        reset();
        return GAVE_UP;
    }

    private void reset() {
        states.clear();
        stateCount = 0;
        setEntries = 0;
        Arrays.fill(transitions, UNKNOWN);
        Arrays.fill(endAnswers, END_UNKNOWN);
        stateOf(new int[0], START);
    }

    /** The transition of {@code state} on ASCII byte {@code b}, cached; UNKNOWN when the states ran out. */
    private int computeTransition(int state, int b) {
        final int target;
        if (expand(state, b)) {
            target = MATCHED;
        } else {
            int count = 0;
            for (int k = 0; k < expandedCount; k++) {
                int pc = expanded[k];
                if (program.matchesAscii(pc, b)) {
                    next[count++] = program.out[pc];
                }
            }
            int[] set = Arrays.copyOf(next, count);
            Arrays.sort(set);
            int nextState = stateOf(dedup(set), program.hasEmptyWidth ? classOf(b) : START);
            if (nextState < 0) {
                return UNKNOWN;
            }
            target = nextState + 2;
        }
        transitions[state * ASCII + b] = target;
        return target;
    }

    private static int[] dedup(int[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n == 0 || sorted[n - 1] != sorted[i]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }

    /**
     * Fills {@link #expanded} with the rune instructions reachable at the position after
     * {@code state}'s byte and before {@code nextRune} (-1: the end), the start instruction
     * included; true when {@code MATCH} is reachable there.
     */
    private boolean expand(int state, int nextRune) {
        final int context = context(befores[state], nextRune);
        final int[] op = program.op;
        expandedCount = 0;
        seenStamp++;
        int top = 0;
        stack[top++] = program.start;
        for (int pc : sets[state]) {
            stack[top++] = pc;
        }
        boolean matched = false;
        while (top > 0) {
            int pc = stack[--top];
            if (seenAt[pc] == seenStamp) {
                continue;
            }
            seenAt[pc] = seenStamp;
            switch (op[pc]) {
                case Program.ALT, Program.ALT_MATCH -> {
                    stack[top++] = program.arg[pc];
                    stack[top++] = program.out[pc];
                }
                case Program.CAPTURE, Program.NOP -> stack[top++] = program.out[pc];
                case Program.EMPTY_WIDTH -> {
                    if ((program.arg[pc] & ~context) == 0) {
                        stack[top++] = program.out[pc];
                    }
                }
                case Program.MATCH -> matched = true;
                case Program.FAIL -> {
                    // A dead end.
                }
                default -> expanded[expandedCount++] = pc;
            }
        }
        return matched;
    }

    /** The state for {@code set} after a byte of class {@code before}, made if new; -1 when the states ran out. */
    private int stateOf(int[] set, int before) {
        StateKey key = new StateKey(set, before);
        Integer known = states.get(key);
        if (known != null) {
            return known;
        }
        if (stateCount == MAX_STATES || setEntries + set.length > MAX_SET_ENTRIES) {
            return -1;
        }
        setEntries += set.length;
        int id = stateCount++;
        if (id == sets.length) {
            int size = Math.min(MAX_STATES, id * 2);
            sets = Arrays.copyOf(sets, size);
            befores = Arrays.copyOf(befores, size);
            endAnswers = Arrays.copyOf(endAnswers, size);
            transitions = Arrays.copyOf(transitions, size * ASCII);
        }
        sets[id] = set;
        befores[id] = before;
        states.put(key, id);
        return id;
    }

    private static int classOf(int b) {
        if (b == '\n') {
            return NEWLINE;
        }
        return isWordByte(b) ? WORD : OTHER;
    }

    private static boolean isWordByte(int r) {
        return ('A' <= r && r <= 'Z') || ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') || r == '_';
    }

    /** RE2J's {@code Utils.emptyOpContext(before, next)}, the byte before given by its class. */
    private static int context(int before, int next) {
        int flags = 0;
        if (before == START) {
            flags |= Program.EMPTY_BEGIN_TEXT | Program.EMPTY_BEGIN_LINE;
        }
        if (before == NEWLINE) {
            flags |= Program.EMPTY_BEGIN_LINE;
        }
        if (next < 0) {
            flags |= Program.EMPTY_END_TEXT | Program.EMPTY_END_LINE;
        }
        if (next == '\n') {
            flags |= Program.EMPTY_END_LINE;
        }
        boolean wordBefore = before == WORD;
        boolean wordNext = next >= 0 && isWordByte(next);
        flags |= wordBefore != wordNext ? Program.EMPTY_WORD_BOUNDARY : Program.EMPTY_NO_WORD_BOUNDARY;
        return flags;
    }

    private record StateKey(int[] set, int before) {
        @Override
        public boolean equals(Object other) {
            return other instanceof StateKey key && key.before == before && Arrays.equals(key.set, set);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(set) * 31 + before;
        }
    }

    /**
     * RE2J's compiled program, read once per pattern and shared by all threads: per instruction
     * its op, out and arg, and for rune instructions which ASCII bytes step them (RE2J's machine
     * tests {@code RUNE} with {@code Inst.matchRune}, {@code RUNE1} by equality,
     * {@code RUNE_ANY} always, {@code RUNE_ANY_NOT_NL} unless a newline).
     */
    static final class Program {
        static final int ALT = 1;
        static final int ALT_MATCH = 2;
        static final int CAPTURE = 3;
        static final int EMPTY_WIDTH = 4;
        static final int FAIL = 5;
        static final int MATCH = 6;
        static final int NOP = 7;
        static final int RUNE = 8;
        static final int RUNE1 = 9;
        static final int RUNE_ANY = 10;
        static final int RUNE_ANY_NOT_NL = 11;

        static final int EMPTY_BEGIN_LINE = 1;
        static final int EMPTY_END_LINE = 2;
        static final int EMPTY_BEGIN_TEXT = 4;
        static final int EMPTY_END_TEXT = 8;
        static final int EMPTY_WORD_BOUNDARY = 16;
        static final int EMPTY_NO_WORD_BOUNDARY = 32;

        final int[] op;
        final int[] out;
        final int[] arg;
        final int start;
        final boolean hasEmptyWidth;
        /** Per instruction, the ASCII bytes that step it: two words of 64 bits. */
        private final long[] asciiLow;
        private final long[] asciiHigh;

        /** Whether instruction {@code pc} is a rune instruction that ASCII byte {@code b} steps. */
        interface RuneTest {
            boolean steps(int pc, int b);
        }

        Program(int[] op, int[] out, int[] arg, int start, RuneTest matchesRune) {
            this.op = op;
            this.out = out;
            this.arg = arg;
            this.start = start;
            boolean emptyWidth = false;
            this.asciiLow = new long[op.length];
            this.asciiHigh = new long[op.length];
            for (int pc = 0; pc < op.length; pc++) {
                emptyWidth |= op[pc] == EMPTY_WIDTH;
                for (int b = 0; b < ASCII; b++) {
                    if (matchesRune.steps(pc, b)) {
                        if (b < 64) {
                            asciiLow[pc] |= 1L << b;
                        } else {
                            asciiHigh[pc] |= 1L << (b - 64);
                        }
                    }
                }
            }
            this.hasEmptyWidth = emptyWidth;
        }

        boolean matchesAscii(int pc, int b) {
            return ((b < 64 ? asciiLow[pc] : asciiHigh[pc]) & 1L << b) != 0;
        }
    }
}
