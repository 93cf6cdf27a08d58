package io.sigscan.rules.match;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;

/**
 * An Aho–Corasick automaton over needles without upper-case ASCII letters, compiled to a dense DFA that reads
 * haystack bytes case-folded: one table lookup per byte, whatever the number of needles.
 *
 * <p>Bytes are first mapped to classes (each distinct needle byte, with the upper-case twin of a letter,
 * is one class; every other byte is class 0), which keeps the transition table at
 * states × classes instead of states × 256. Immutable and shared by all scan workers.
 *
 * <p>Folding ASCII case is exact for a value unless it holds one of the few non-ASCII
 * characters whose lower or upper case is ASCII ('İ', 'ı', 'ſ', the Kelvin sign: what
 * Unicode-aware case-insensitive globs and regexes may equate with an ASCII letter); callers
 * check {@link #defeatsFolding} at each byte and fall back to an exact test when it is true.
 */
public final class LiteralAutomaton {
    /** The state before any byte. */
    public static final int START = 0;
    /** UTF-8 forms of the non-ASCII code points whose lower or upper case is ASCII, and their lead bytes. */
    private static final byte[][] FOLDS_TO_ASCII = foldingToAscii();
    private static final boolean[] FOLDS_TO_ASCII_LEAD = leadBytes(FOLDS_TO_ASCII);

    /** Byte value → class. */
    private final short[] byteClass;
    private final int classCount;
    /** {@code next[state * classCount + class]}: the DFA. State 0 is the root. */
    private final int[] next;
    /** First state of the output chain of a state (itself or a dictionary suffix), or -1. */
    private final int[] output;
    /** Needle ending exactly at a state with output. */
    private final int[] needleAt;
    /** Next state with output along the suffix chain, or -1. */
    private final int[] dictionaryLink;

    private LiteralAutomaton(short[] byteClass, int classCount, int[] next, int[] output, int[] needleAt, int[] dictionaryLink) {
        this.byteClass = byteClass;
        this.classCount = classCount;
        this.next = next;
        this.output = output;
        this.needleAt = needleAt;
        this.dictionaryLink = dictionaryLink;
    }

    /** {@code needles.get(i)} is needle id {@code ids[i]}: no upper-case ASCII, distinct, never empty. */
    public static LiteralAutomaton build(List<String> needles, int[] ids) {
        short[] byteClass = new short[256];
        int classCount = 1;
        for (String needle : needles) {
            for (byte b : needle.getBytes(StandardCharsets.UTF_8)) {
                if (byteClass[b & 0xFF] == 0) {
                    byteClass[b & 0xFF] = (short) classCount;
                    if (b >= 'a' && b <= 'z') {
                        byteClass[b - 'a' + 'A'] = (short) classCount;
                    }
                    classCount++;
                }
            }
        }

        // The trie, as maps from class to child state.
        List<Map<Integer, Integer>> children = new ArrayList<>();
        List<Integer> needleAtState = new ArrayList<>();
        children.add(new HashMap<>());
        needleAtState.add(-1);
        for (int n = 0; n < needles.size(); n++) {
            int state = 0;
            for (byte b : needles.get(n).getBytes(StandardCharsets.UTF_8)) {
                Integer child = children.get(state).get((int) byteClass[b & 0xFF]);
                if (child == null) {
                    child = children.size();
                    children.add(new HashMap<>());
                    needleAtState.add(-1);
                    children.get(state).put((int) byteClass[b & 0xFF], child);
                }
                state = child;
            }
            needleAtState.set(state, ids[n]);
        }

        int states = children.size();
        if ((long) states * classCount > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("needle set too large for one automaton: " + states + " states");
        }
        int[] next = new int[states * classCount];
        int[] fail = new int[states];
        int[] needleAt = needleAtState.stream().mapToInt(Integer::intValue).toArray();
        int[] dictionaryLink = new int[states];
        int[] output = new int[states];
        Arrays.fill(dictionaryLink, -1);

        // Breadth-first: a state's failure target is shallower, so it is complete when needed.
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < classCount; c++) {
            Integer child = children.get(0).get(c);
            next[c] = child == null ? 0 : child;
            if (child != null) {
                fail[child] = 0;
                queue.add(child);
            }
        }
        output[0] = -1;
        while (!queue.isEmpty()) {
            int state = queue.poll();
            int failure = fail[state];
            dictionaryLink[state] = output[failure];
            output[state] = needleAt[state] >= 0 ? state : dictionaryLink[state];
            for (int c = 0; c < classCount; c++) {
                Integer child = children.get(state).get(c);
                if (child == null) {
                    next[state * classCount + c] = next[failure * classCount + c];
                } else {
                    next[state * classCount + c] = child;
                    fail[child] = next[failure * classCount + c];
                    queue.add(child);
                }
            }
        }
        return new LiteralAutomaton(byteClass, classCount, next, output, needleAt, dictionaryLink);
    }

    /** The state after reading byte {@code unsignedByte} (0..255) in {@code state}. */
    public int step(int state, int unsignedByte) {
        return next[state * classCount + byteClass[unsignedByte]];
    }

    /** The first state of the chain of needles ending at {@code state}, or -1 if none does. */
    public int firstOutput(int state) {
        return output[state];
    }

    /** The needle id of an output state. */
    public int needleAt(int outputState) {
        return needleAt[outputState];
    }

    /** The next output state along the chain, or -1. */
    public int nextOutput(int outputState) {
        return dictionaryLink[outputState];
    }

    /**
     * Whether the value byte {@code unsignedByte} at {@code index} starts a character that ASCII
     * folding may get wrong (see the class comment).
     */
    public static boolean defeatsFolding(DirectBuffer buffer, int index, int end, int unsignedByte) {
        return FOLDS_TO_ASCII_LEAD[unsignedByte] && foldsToAscii(buffer, index, end);
    }

    private static boolean foldsToAscii(DirectBuffer buffer, int index, int end) {
        for (byte[] form : FOLDS_TO_ASCII) {
            if (index + form.length <= end && startsWith(buffer, index, form)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(DirectBuffer buffer, int index, byte[] form) {
        for (int i = 0; i < form.length; i++) {
            if (buffer.getByte(index + i) != form[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[][] foldingToAscii() {
        List<byte[]> forms = new ArrayList<>();
        for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.toLowerCase(cp) < 0x80 || Character.toUpperCase(cp) < 0x80) {
                forms.add(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return forms.toArray(new byte[0][]);
    }

    private static boolean[] leadBytes(byte[][] forms) {
        boolean[] lead = new boolean[256];
        for (byte[] form : forms) {
            lead[form[0] & 0xFF] = true;
        }
        return lead;
    }
}
