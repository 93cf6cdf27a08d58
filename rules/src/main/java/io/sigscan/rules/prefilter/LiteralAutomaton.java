package io.sigscan.rules.prefilter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton over needles without upper-case ASCII letters, compiled to a dense DFA that reads
 * haystack bytes case-folded: one table lookup per byte, whatever the number of needles.
 *
 * <p>Bytes are first mapped to classes (each distinct needle byte, with the upper-case twin of a letter,
 * is one class; every other byte is class 0), which keeps the transition table at
 * states × classes instead of states × 256. Immutable and shared by all scan workers.
 */
final class LiteralAutomaton {
    /** Byte value → class. */
    final short[] byteClass;
    final int classCount;
    /** {@code next[state * classCount + class]}: the DFA. State 0 is the root. */
    final int[] next;
    /** First state of the output chain of a state (itself or a dictionary suffix), or -1. */
    final int[] output;
    /** Needle ending exactly at a state with output. */
    final int[] needleAt;
    /** Next state with output along the suffix chain, or -1. */
    final int[] dictionaryLink;

    private LiteralAutomaton(short[] byteClass, int classCount, int[] next, int[] output, int[] needleAt, int[] dictionaryLink) {
        this.byteClass = byteClass;
        this.classCount = classCount;
        this.next = next;
        this.output = output;
        this.needleAt = needleAt;
        this.dictionaryLink = dictionaryLink;
    }

    /** {@code needles.get(i)} is needle id {@code ids[i]}: no upper-case ASCII, distinct, never empty. */
    static LiteralAutomaton build(List<String> needles, int[] ids) {
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

    int stateCount() {
        return output.length;
    }
}
