package io.sigscan.rules.prefilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.event.JsonTextValues;
import io.sigscan.rules.match.NeedleSearch;

/**
 * The literal pre-filter of a rule set: per field, one {@link NeedleSearch} over the needles of every
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
 * <p>Variants are kept in <em>groups</em>, one per log-source condition, each with its own
 * searches: an event is scanned only for the needles of the groups whose condition it meets,
 * so a network event never runs through the needles of process-creation rules, and a keyword
 * rule's scan of every string value happens only on events of its own log source. The groups an
 * event meets together are searched through one merged search per field ({@link #searchesOf}).
 *
 * <p>Shared by all evaluators and thread-safe: its only mutable part is the cache of merged
 * searches; per-event state lives in each evaluator's {@link Scratch}.
 */
public final class Prefilter {
    private final int variantCount;
    private final boolean[] witnessed;
    /** Per group, per slot: needle text → needle id; what merged searches are built from. */
    private final List<Map<Integer, Map<String, Integer>>> needlesByGroup;
    /**
     * Per group, its searches, built on first use: a rule set has a group per log-source condition
     * (a hundred and more), a scan meets a few, and an event meeting several is searched through
     * their merged searches instead; building every group's up front was an eighth of loading
     * SigmaHQ's rules. Written racily: a search has only final fields, so a thread sees one whole
     * or builds its own.
     */
    private final Searches[] groups;
    /** Searches over the union of several groups, by the list of groups; built on first use. */
    private final Map<List<Integer>, Searches> merged = new ConcurrentHashMap<>();
    /**
     * Most merged searches kept: a log shows a handful of combinations, but events crafted to
     * meet many conditions at once could ask for thousands, each as large as its groups.
     */
    static final int MAX_MERGED = 256;
    /** Per needle id: the variants it witnesses, ascending. */
    private final int[][] needleVariants;

    /** The needle searches of one group, or of several merged: per field slot, one over every needle of that field. */
    public static final class Searches {
        static final Searches EMPTY = new Searches(new int[0], new NeedleSearch[0], new NeedleSearch[0], new int[0][]);

        private final int[] slots;
        private final NeedleSearch[] searches;
        /** Per slot, the same needles JSON-escaped, for JSON text ({@link JsonTextValues}); the same search when escaping changes none. */
        private final NeedleSearch[] jsonTextSearches;
        private final int[][] slotNeedles;

        private Searches(int[] slots, NeedleSearch[] searches, NeedleSearch[] jsonTextSearches, int[][] slotNeedles) {
            this.slots = slots;
            this.searches = searches;
            this.jsonTextSearches = jsonTextSearches;
            this.slotNeedles = slotNeedles;
        }
    }

    private Prefilter(int variantCount, boolean[] witnessed, List<Map<Integer, Map<String, Integer>>> needlesByGroup,
            int[][] needleVariants) {
        this.variantCount = variantCount;
        this.witnessed = witnessed;
        this.needlesByGroup = needlesByGroup;
        this.groups = new Searches[needlesByGroup.size()];
        this.needleVariants = needleVariants;
    }

    /** A pre-filter that witnesses nothing: every variant is always evaluated. */
    public static Prefilter none(int variantCount) {
        return new Prefilter(variantCount, new boolean[variantCount], List.of(), new int[0][]);
    }

    /** A builder whose variants all lie in group 0. */
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

    /** The working state one evaluator passes to {@link #markCandidates}, marking into {@code candidates}. */
    public Scratch newScratch(long[] candidates) {
        return new Scratch(needleVariants, candidates);
    }

    /**
     * The searches of all of {@code groupList} at once: per slot, one search over the union of
     * their needles, so that an event meeting several groups' conditions (a Sysmon process event
     * meets the process-creation conditions of rules with and without renamed fields, and the
     * product-wide one) reads each value once. Built on first request, then shared by every
     * evaluator; null once {@value #MAX_MERGED} combinations have been built (the caller then
     * searches group by group).
     */
    public Searches searchesOf(int[] groupList) {
        List<Integer> key = Arrays.stream(groupList).filter(g -> g < groups.length).boxed().toList();
        if (key.isEmpty()) {
            return Searches.EMPTY;
        }
        if (key.size() == 1) {
            return group(key.get(0));
        }
        Searches known = merged.get(key);
        if (known != null || merged.size() >= MAX_MERGED) {
            return known;
        }
        return merged.computeIfAbsent(key, list -> searches(list.stream().map(needlesByGroup::get).toList()));
    }

    private Searches group(int group) {
        Searches searches = groups[group];
        if (searches == null) {
            searches = searches(List.of(needlesByGroup.get(group)));
            groups[group] = searches;
        }
        return searches;
    }

    /** {@link #markCandidates(Searches, EventView, Scratch)} with the searches of one group. */
    public void markCandidates(int group, EventView event, Scratch scratch) {
        if (group < groups.length) {
            markCandidates(group(group), event, scratch);
        }
    }

    /**
     * Sets, in the scratch's candidate mask (a bit per variant), every witnessed variant one of
     * whose needles in {@code searches} occurs in {@code event}. Values are searched where they
     * lie; nothing is allocated.
     */
    public void markCandidates(Searches searches, EventView event, Scratch scratch) {
        final int[] slots = searches.slots;
        // JSON string values are searched as they stand in the input when they can be (most can):
        // decoding every value with an escape, as every Windows path has, cost more than the search.
        final JsonTextValues json = event instanceof JsonTextValues text ? text : null;
        for (int s = 0; s < slots.length; s++) {
            final int slot = slots[s];
            final int count = event.valueCount(slot);
            final NeedleSearch decodedSearch = searches.searches[s];
            final NeedleSearch textSearch = searches.jsonTextSearches[s];
            for (int i = 0; i < count; i++) {
                // Keyword searches see every string value of the event, most of them shorter than any needle.
                final int textLength = json == null ? -1 : json.jsonTextLength(slot, i);
                final int result;
                if (textLength >= 0) {
                    if (textLength < textSearch.shortestNeedle()) {
                        continue;
                    }
                    final int textOffset = json.jsonTextOffset(slot, i);
                    result = json.jsonTextIsAscii(slot, i)
                            ? textSearch.scanAscii(json.jsonTextBuffer(), textOffset, textLength, scratch)
                            : textSearch.scan(json.jsonTextBuffer(), textOffset, textLength, scratch);
                } else {
                    final int length = event.valueLength(slot, i);
                    if (length < decodedSearch.shortestNeedle()) {
                        continue;
                    }
                    result = decodedSearch.scan(event.valueBuffer(slot, i), event.valueOffset(slot, i), length, scratch);
                }
                if (result == NeedleSearch.FOLDING_DEFEATED) {
                    for (int needle : searches.slotNeedles[s]) {
                        scratch.onNeedle(needle);
                    }
                    break;
                }
            }
        }
    }

    /** One search per slot over the needles of all of {@code groupNeedles} (a text in two groups is two needles). */
    private static Searches searches(List<Map<Integer, Map<String, Integer>>> groupNeedles) {
        Map<Integer, List<String>> texts = new LinkedHashMap<>();
        Map<Integer, List<Integer>> ids = new LinkedHashMap<>();
        for (Map<Integer, Map<String, Integer>> bySlot : groupNeedles) {
            bySlot.forEach((slot, needles) -> needles.forEach((text, id) -> {
                texts.computeIfAbsent(slot, key -> new ArrayList<>()).add(text);
                ids.computeIfAbsent(slot, key -> new ArrayList<>()).add(id);
            }));
        }
        if (texts.isEmpty()) {
            return Searches.EMPTY;
        }
        int[] slots = new int[texts.size()];
        NeedleSearch[] searches = new NeedleSearch[slots.length];
        NeedleSearch[] jsonTextSearches = new NeedleSearch[slots.length];
        int[][] slotNeedles = new int[slots.length][];
        int s = 0;
        for (Map.Entry<Integer, List<String>> entry : texts.entrySet()) {
            slots[s] = entry.getKey();
            slotNeedles[s] = ids.get(entry.getKey()).stream().mapToInt(Integer::intValue).toArray();
            searches[s] = NeedleSearch.build(entry.getValue(), slotNeedles[s]);
            List<String> escaped = entry.getValue().stream().map(JsonEscapes::escaped).toList();
            jsonTextSearches[s] = escaped.equals(entry.getValue()) ? searches[s]
                    : NeedleSearch.build(escaped, slotNeedles[s]);
            s++;
        }
        return new Searches(slots, searches, jsonTextSearches, slotNeedles);
    }

    /**
     * What {@link #markCandidates} needs per event: the candidate mask it marks, which needles
     * this event already reported (against an event stamp, so nothing is cleared between events).
     * One per evaluator; not thread-safe.
     */
    public static final class Scratch implements NeedleSearch.NeedleSink {
        private final int[][] needleVariants;
        private final long[] candidates;
        private final int[] needleStamps;
        private int stamp;

        private Scratch(int[][] needleVariants, long[] candidates) {
            this.needleVariants = needleVariants;
            this.candidates = candidates;
            this.needleStamps = new int[needleVariants.length];
        }

        /** Starts a new event: needles it reports are marked again. */
        public void nextEvent() {
            if (++stamp == 0) {
                Arrays.fill(needleStamps, 0);
                stamp = 1;
            }
        }

        @Override
        public boolean onNeedle(int needle) {
            if (needleStamps[needle] != stamp) {
                needleStamps[needle] = stamp;
                for (int variant : needleVariants[needle]) {
                    candidates[variant >>> 6] |= 1L << variant;
                }
            }
            return false;
        }
    }

    /** Collects each variant's witness, then builds one search per group and field. */
    public static final class Builder {
        private final FieldTable fields;
        private final boolean[] witnessed;
        /** Per group, per slot: needle text → needle id, in first-seen order. */
        private final List<Map<Integer, Map<String, Integer>>> needlesByGroup = new ArrayList<>();
        private final List<List<Integer>> needleVariants = new ArrayList<>();

        private Builder(FieldTable fields, int variantCount) {
            this.fields = fields;
            this.witnessed = new boolean[variantCount];
        }

        /** {@link #add(int, int, List)} in group 0. */
        public Builder add(int variant, List<Needle> witness) {
            return add(variant, 0, witness);
        }

        /**
         * Records the witness of {@code variant} in {@code group} (variants must be added in
         * ascending order); null means it has none and is always evaluated. A witness on a field
         * the table does not hold is treated as none.
         */
        public Builder add(int variant, int group, List<Needle> witness) {
            if (witness == null) {
                return this;
            }
            for (Needle needle : witness) {
                if (slotOf(needle) == FieldTable.ABSENT) {
                    return this;
                }
            }
            witnessed[variant] = true;
            while (needlesByGroup.size() <= group) {
                needlesByGroup.add(new LinkedHashMap<>());
            }
            for (Needle needle : witness) {
                Map<String, Integer> ids = needlesByGroup.get(group).computeIfAbsent(slotOf(needle),
                        key -> new LinkedHashMap<>());
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
            int[][] variants = new int[needleVariants.size()][];
            for (int n = 0; n < variants.length; n++) {
                variants[n] = needleVariants.get(n).stream().mapToInt(Integer::intValue).toArray();
            }
            return new Prefilter(witnessed.length, witnessed.clone(), List.copyOf(needlesByGroup), variants);
        }
    }
}
