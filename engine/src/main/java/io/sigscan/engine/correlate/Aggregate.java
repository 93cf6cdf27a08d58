package io.sigscan.engine.correlate;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.sigscan.rules.model.CorrelationRule;

/** What each correlation type measures over a window's entries (in event-time order). */
final class Aggregate {

    private Aggregate() {
    }

    /** The measured value, or NaN when there is none (no numeric value for the value_* metrics). */
    static double of(CorrelationRule rule, List<WindowEntry> entries) {
        switch (rule.type()) {
            case EVENT_COUNT:
                return entries.size();
            case VALUE_COUNT:
                return distinctValues(entries);
            case TEMPORAL:
                return distinctSlots(entries);
            case TEMPORAL_ORDERED:
                return inOrder(entries);
            case VALUE_SUM:
                return sum(numbers(entries));
            case VALUE_AVG:
                double[] numbers = numbers(entries);
                return numbers.length == 0 ? Double.NaN : sum(numbers) / numbers.length;
            case VALUE_PERCENTILE:
                return percentile(numbers(entries), rule.condition().percentile());
            default:
                throw new IllegalStateException("unknown correlation type " + rule.type());
        }
    }

    private static int distinctValues(List<WindowEntry> entries) {
        Set<String> values = new HashSet<>();
        for (WindowEntry entry : entries) {
            if (entry.value() != null) {
                values.add(entry.value());
            }
        }
        return values.size();
    }

    private static int distinctSlots(List<WindowEntry> entries) {
        Set<Integer> slots = new HashSet<>();
        for (WindowEntry entry : entries) {
            slots.add(entry.slot());
        }
        return slots.size();
    }

    /** How many of the rules, from the first, fired in the order listed (each after the one before). */
    private static int inOrder(List<WindowEntry> entries) {
        int next = 0;
        for (WindowEntry entry : entries) {
            if (entry.slot() == next) {
                next++;
            }
        }
        return next;
    }

    private static double[] numbers(List<WindowEntry> entries) {
        double[] numbers = new double[entries.size()];
        int count = 0;
        for (WindowEntry entry : entries) {
            if (!Double.isNaN(entry.number())) {
                numbers[count++] = entry.number();
            }
        }
        return Arrays.copyOf(numbers, count);
    }

    private static double sum(double[] numbers) {
        if (numbers.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double number : numbers) {
            sum += number;
        }
        return sum;
    }

    /** pySigma's nearest rank: the value at index floor(n × p / 100) of the sorted values, at most the last. */
    private static double percentile(double[] numbers, double percentile) {
        if (numbers.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(numbers);
        int index = (int) Math.min(numbers.length - 1L, (long) Math.floor(numbers.length * percentile / 100));
        return numbers[index];
    }
}
