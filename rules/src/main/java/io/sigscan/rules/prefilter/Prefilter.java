package io.sigscan.rules.prefilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;

import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.match.LiteralAutomaton;

/**
 * The literal pre-filter of a rule set: per field, one automaton over the needles of every
 * witnessed rule variant (see {@link Witnesses}); per event, each such field's values are read
 * once, and the variants whose needles occur become candidates. Variants without a witness
 * are always candidates (as far as routing allows) and are not this class's business.
 *
 * <p>Matching folds ASCII case, like every case-insensitive Sigma match. The few non-ASCII
 * characters whose lower or upper case is ASCII ('İ', 'ı', 'ſ', the Kelvin sign: what
 * Unicode-aware case-insensitive globs and regexes may equate with an ASCII letter) make every
 * needle of their field count as seen, so folding can never hide a match. Needle
 * bytes outside ASCII are compared exactly ({@link Witnesses} only keeps such characters
 * when their bytes in a matching value are certain).
 *
 * <p>Immutable and shared; per-event state lives in the caller's arrays.
 */
public final class Prefilter {
    private final int variantCount;
    private final boolean[] witnessed;
    private final int[] slots;
    private final LiteralAutomaton[] automata;
    /** Per slot index: every needle id of that slot, for values that defeat folding. */
    private final int[][] slotNeedles;
    /** Per needle id: the variants it witnesses, ascending. */
    private final int[][] needleVariants;

    private Prefilter(int variantCount, boolean[] witnessed, int[] slots, LiteralAutomaton[] automata,
            int[][] slotNeedles, int[][] needleVariants) {
        this.variantCount = variantCount;
        this.witnessed = witnessed;
        this.slots = slots;
        this.automata = automata;
        this.slotNeedles = slotNeedles;
        this.needleVariants = needleVariants;
    }

    /** A pre-filter that witnesses nothing: every variant is always evaluated. */
    public static Prefilter none(int variantCount) {
        return new Prefilter(variantCount, new boolean[variantCount], new int[0], new LiteralAutomaton[0],
                new int[0][], new int[0][]);
    }

    public static Builder builder(FieldTable fields, int variantCount) {
        return new Builder(fields, variantCount);
    }

    public int variantCount() {
        return variantCount;
    }

    /** Whether the variant runs only when one of its needles is seen. */
    public boolean isWitnessed(int variant) {
        return witnessed[variant];
    }

    /** Allocates the per-evaluator needle stamps this pre-filter's {@link #markCandidates} needs. */
    public int[] newNeedleStamps() {
        return new int[needleVariants.length];
    }

    /**
     * Sets, in {@code candidates} (a bit per variant), every witnessed variant one of whose
     * needles occurs in {@code event}. {@code needleStamps} remembers which needles this event
     * already reported; {@code stamp} must differ from every stamp of earlier events.
     * Allocation-free.
     */
    public void markCandidates(EventView event, int stamp, int[] needleStamps, long[] candidates) {
        for (int s = 0; s < slots.length; s++) {
            final int slot = slots[s];
            final int count = event.valueCount(slot);
            for (int i = 0; i < count; i++) {
                final boolean defeated = scan(automata[s], event.valueBuffer(slot, i), event.valueOffset(slot, i),
                        event.valueLength(slot, i), stamp, needleStamps, candidates);
                if (defeated) {
                    for (int needle : slotNeedles[s]) {
                        mark(needle, stamp, needleStamps, candidates);
                    }
                    break;
                }
            }
        }
    }

    /** Runs one value through the automaton; true when the value holds a character that defeats folding. */
    private boolean scan(LiteralAutomaton automaton, DirectBuffer buffer, int offset, int length, int stamp,
            int[] needleStamps, long[] candidates) {
        final int end = offset + length;
        int state = LiteralAutomaton.START;
        for (int i = offset; i < end; i++) {
            final int b = buffer.getByte(i) & 0xFF;
            if (LiteralAutomaton.defeatsFolding(buffer, i, end, b)) {
                return true;
            }
            state = automaton.step(state, b);
            for (int found = automaton.firstOutput(state); found >= 0; found = automaton.nextOutput(found)) {
                mark(automaton.needleAt(found), stamp, needleStamps, candidates);
            }
        }
        return false;
    }

    private void mark(int needle, int stamp, int[] needleStamps, long[] candidates) {
        if (needleStamps[needle] == stamp) {
            return;
        }
        needleStamps[needle] = stamp;
        for (int variant : needleVariants[needle]) {
            candidates[variant >>> 6] |= 1L << variant;
        }
    }

    /** Collects each variant's witness, then builds one automaton per field. */
    public static final class Builder {
        private final FieldTable fields;
        private final boolean[] witnessed;
        /** Per slot: needle text → needle id, in first-seen order. */
        private final Map<Integer, Map<String, Integer>> needlesBySlot = new LinkedHashMap<>();
        private final List<List<Integer>> needleVariants = new ArrayList<>();

        private Builder(FieldTable fields, int variantCount) {
            this.fields = fields;
            this.witnessed = new boolean[variantCount];
        }

        /**
         * Records the witness of {@code variant} (variants must be added in ascending order);
         * null means it has none and is always evaluated. A witness on a field the table does not
         * hold is treated as none.
         */
        public Builder add(int variant, List<Needle> witness) {
            if (witness == null) {
                return this;
            }
            for (Needle needle : witness) {
                if (slotOf(needle) == FieldTable.ABSENT) {
                    return this;
                }
            }
            witnessed[variant] = true;
            for (Needle needle : witness) {
                Map<String, Integer> ids = needlesBySlot.computeIfAbsent(slotOf(needle), key -> new LinkedHashMap<>());
                int id = ids.computeIfAbsent(needle.text(), key -> {
                    needleVariants.add(new ArrayList<>());
                    return needleVariants.size() - 1;
                });
                List<Integer> variants = needleVariants.get(id);
                if (variants.isEmpty() || variants.get(variants.size() - 1) != variant) {
                    variants.add(variant);
                }
            }
            return this;
        }

        private int slotOf(Needle needle) {
            return needle.field().equals(Needle.KEYWORDS) ? EventView.KEYWORDS : fields.slotOf(needle.field());
        }

        public Prefilter build() {
            int[] slots = new int[needlesBySlot.size()];
            LiteralAutomaton[] automata = new LiteralAutomaton[slots.length];
            int[][] slotNeedles = new int[slots.length][];
            int s = 0;
            for (Map.Entry<Integer, Map<String, Integer>> entry : needlesBySlot.entrySet()) {
                slots[s] = entry.getKey();
                List<String> texts = new ArrayList<>(entry.getValue().keySet());
                int[] ids = entry.getValue().values().stream().mapToInt(Integer::intValue).toArray();
                automata[s] = LiteralAutomaton.build(texts, ids);
                slotNeedles[s] = ids;
                s++;
            }
            int[][] variants = new int[needleVariants.size()][];
            for (int n = 0; n < variants.length; n++) {
                variants[n] = needleVariants.get(n).stream().mapToInt(Integer::intValue).toArray();
            }
            return new Prefilter(witnessed.length, witnessed.clone(), slots, automata, slotNeedles, variants);
        }
    }
}
