package io.sigscan.rules.model;

import java.util.List;
import java.util.Locale;

/**
 * A correlation's {@code condition}: comparisons that must all hold (a range is two of them), the
 * {@code field} the value types aggregate (empty for event_count and temporal), and for
 * value_percentile which {@code percentile} to take.
 */
public record CorrelationCondition(List<Comparison> comparisons, List<String> fields, double percentile) {

    /** pySigma's percentile when the condition names none. */
    public static final double DEFAULT_PERCENTILE = 95;

    public CorrelationCondition {
        comparisons = List.copyOf(comparisons);
        fields = List.copyOf(fields);
    }

    /** The condition every temporal correlation without one has: all {@code ruleCount} rules fired. */
    public static CorrelationCondition allOf(int ruleCount) {
        return new CorrelationCondition(List.of(new Comparison(Operator.GTE, ruleCount)), List.of(), DEFAULT_PERCENTILE);
    }

    /** Whether {@code value} satisfies every comparison. */
    public boolean test(double value) {
        for (Comparison comparison : comparisons) {
            if (!comparison.test(value)) {
                return false;
            }
        }
        return true;
    }

    public enum Operator {
        GT, GTE, LT, LTE, EQ, NEQ;

        /** The operator written {@code yamlName}, or null. */
        public static Operator of(String yamlName) {
            for (Operator operator : values()) {
                if (operator.yamlName().equals(yamlName)) {
                    return operator;
                }
            }
            return null;
        }

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Comparison(Operator operator, double threshold) {

        boolean test(double value) {
            return switch (operator) {
                case GT -> value > threshold;
                case GTE -> value >= threshold;
                case LT -> value < threshold;
                case LTE -> value <= threshold;
                case EQ -> value == threshold;
                case NEQ -> value != threshold;
            };
        }
    }
}
