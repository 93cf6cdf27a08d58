package io.sigscan.rules.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.event.PresentSlots;
import io.sigscan.rules.event.ValueKind;
import io.sigscan.rules.prefilter.Prefilter;

/** The cached routing against testing every condition, on events that repeat and events that never do. */
class RouteCacheTest {
    private static final FieldTable FIELDS = fields();
    private static final int CHANNEL = FIELDS.slotOf("Channel");
    private static final int EVENT_ID = FIELDS.slotOf("EventID");

    private final AtomicInteger tests = new AtomicInteger();
    private final EventPredicate[] conditions = {
        counted(event -> hasValue(event, CHANNEL, "Security")),
        counted(event -> hasValue(event, EVENT_ID, "1")),
        counted(event -> hasValue(event, CHANNEL, "Sysmon") && hasValue(event, EVENT_ID, "1")),
        counted(event -> event.valueCount(EVENT_ID) == 0),
    };

    @Test
    void holdsTheSameConditionsAsTestingThemAndTestsEachCombinationOnce() {
        RouteCache cache = cache(conditions, new int[] {CHANNEL, EVENT_ID});
        Random random = new Random(3);
        String[] channels = {"Security", "Sysmon", "security", null};
        String[] ids = {"1", "4688", "01", null};
        for (int e = 0; e < 2000; e++) {
            TestEvent event = TestEvent.of(FIELDS);
            String channel = channels[random.nextInt(channels.length)];
            String id = ids[random.nextInt(ids.length)];
            if (channel != null) {
                event.put("Channel", channel);
            }
            if (id != null) {
                event.putNumber("EventID", id);
            }
            assertEquals(direct(event), cached(cache, event), channel + "/" + id);
        }
        // 16 combinations, each tested once (4 conditions), plus the 2,000 direct evaluations above.
        assertEquals(16 * 4 + 2000 * 4, tests.get());
    }

    @Test
    void aValueKindIsPartOfTheCombination() {
        EventPredicate[] byKind = {event -> event.valueCount(EVENT_ID) == 1
                && event.valueKind(EVENT_ID, 0) == ValueKind.NUMBER};
        RouteCache cache = cache(byKind, new int[] {EVENT_ID});
        TestEvent number = TestEvent.of(FIELDS).putNumber("EventID", "1");
        TestEvent text = TestEvent.of(FIELDS).put("EventID", "1");
        assertEquals(List.of(0), cached(cache, number));
        assertEquals(List.of(), cached(cache, text), "same bytes, another kind: another combination");
    }

    @Test
    void theSameBytesSplitOtherwiseBetweenFieldsAreAnotherCombination() {
        EventPredicate[] channelAb = {event -> hasValue(event, CHANNEL, "ab")};
        RouteCache cache = cache(channelAb, new int[] {CHANNEL, EVENT_ID});
        for (int round = 0; round < 2; round++) {
            assertEquals(List.of(0), cached(cache, TestEvent.of(FIELDS).put("Channel", "ab").put("EventID", "c")));
            assertEquals(List.of(), cached(cache, TestEvent.of(FIELDS).put("Channel", "a").put("EventID", "bc")));
            assertEquals(List.of(), cached(cache, TestEvent.of(FIELDS).put("Channel", "abc")));
        }
    }

    @Test
    void beyondItsCapacityItStillAnswersRight() {
        RouteCache cache = cache(conditions, new int[] {CHANNEL, EVENT_ID});
        for (int e = 0; e < RouteCache.MAX_ENTRIES + 500; e++) {
            TestEvent event = TestEvent.of(FIELDS).put("Channel", e % 7 == 0 ? "Security" : "c" + e).putNumber("EventID",
                    e % 3 == 0 ? "1" : Integer.toString(e));
            assertEquals(direct(event), cached(cache, event));
        }
        TestEvent longValue = TestEvent.of(FIELDS).put("Channel", "S".repeat(RouteCache.MAX_KEY_BYTES + 1))
                .putNumber("EventID", "1");
        assertEquals(direct(longValue), cached(cache, longValue));
    }

    /**
     * Views that list their slots are keyed by the routing slots they hold, whatever else they hold
     * and in whatever order they list them; keys of the two forms never stand for each other.
     */
    @Test
    void viewsListingTheirSlotsAreRoutedAsTestingEveryCondition() {
        RouteCache cache = cache(conditions, new int[] {CHANNEL, EVENT_ID});
        Random random = new Random(5);
        String[] channels = {"Security", "Sysmon", null};
        String[] ids = {"1", "4688", null};
        for (int e = 0; e < 2000; e++) {
            TestEvent event = TestEvent.of(FIELDS);
            String channel = channels[random.nextInt(channels.length)];
            String id = ids[random.nextInt(ids.length)];
            if (random.nextBoolean()) {
                event.put("Image", "C:\\x" + random.nextInt(3) + ".exe");
            }
            if (channel != null) {
                event.put("Channel", channel);
            }
            if (id != null) {
                event.putNumber("EventID", id);
            }
            EventView view = random.nextBoolean() ? event : listing(event, random.nextBoolean());
            assertEquals(direct(event), cached(cache, view), channel + "/" + id + " through " + view.getClass());
        }
    }

    /** {@code event} as a view that lists the slots it holds, first to last or last to first. */
    private static PresentSlots listing(TestEvent event, boolean reversed) {
        List<Integer> present = new ArrayList<>();
        for (int slot = 1; slot < FIELDS.size(); slot++) {
            if (event.valueCount(slot) > 0) {
                present.add(slot);
            }
        }
        if (reversed) {
            java.util.Collections.reverse(present);
        }
        return new ListingView(event, present);
    }

    private static final class ListingView extends DelegatingEventView implements PresentSlots {
        private final List<Integer> present;

        ListingView(EventView event, List<Integer> present) {
            super(event);
            this.present = present;
        }

        @Override
        public int presentSlotCount() {
            return present.size();
        }

        @Override
        public int presentSlot(int i) {
            return present.get(i);
        }
    }

    private List<Integer> direct(EventView event) {
        List<Integer> holding = new ArrayList<>();
        for (int c = 0; c < conditions.length; c++) {
            if (conditions[c].test(event)) {
                holding.add(c);
            }
        }
        return holding;
    }

    /** The conditions the cache routes {@code event} to. */
    private static List<Integer> cached(RouteCache cache, EventView event) {
        List<Integer> holding = new ArrayList<>();
        int[] groups = cache.route(event).groups;
        assertEquals(RouteTable.groupOf(RouteTable.ALWAYS), groups[0], "variants that apply to every event come first");
        for (int i = 1; groups[i] >= 0; i++) {
            holding.add(groups[i] - 1);
        }
        return holding;
    }

    /** A cache over one variant per condition. */
    private static RouteCache cache(EventPredicate[] conditions, int[] routingSlots) {
        int[][] variantConditions = new int[conditions.length][];
        EventPredicate[][] variantPredicates = new EventPredicate[conditions.length][];
        for (int c = 0; c < conditions.length; c++) {
            variantConditions[c] = new int[] {c};
            variantPredicates[c] = new EventPredicate[] {event -> true};
        }
        return new RouteCache(RouteTable.of(conditions, routingSlots, variantConditions, variantPredicates,
                Prefilter.none(conditions.length)));
    }

    private EventPredicate counted(EventPredicate predicate) {
        return event -> {
            tests.incrementAndGet();
            return predicate.test(event);
        };
    }

    private static boolean hasValue(EventView event, int slot, String text) {
        for (int i = 0; i < event.valueCount(slot); i++) {
            byte[] bytes = new byte[event.valueLength(slot, i)];
            event.valueBuffer(slot, i).getBytes(event.valueOffset(slot, i), bytes);
            if (new String(bytes, StandardCharsets.UTF_8).equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static FieldTable fields() {
        FieldTable.Builder builder = FieldTable.builder();
        builder.add("Channel");
        builder.add("EventID");
        builder.add("Image");
        return builder.build();
    }
}
