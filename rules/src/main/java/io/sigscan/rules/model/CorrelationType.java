package io.sigscan.rules.model;

import java.util.Locale;

/** The correlation types of Sigma 2.1, named as in YAML ({@code event_count} ...). */
public enum CorrelationType {
    EVENT_COUNT,
    VALUE_COUNT,
    TEMPORAL,
    TEMPORAL_ORDERED,
    VALUE_SUM,
    VALUE_AVG,
    VALUE_PERCENTILE;

    /** The type written {@code yamlName}, or null for anything else. */
    public static CorrelationType of(String yamlName) {
        for (CorrelationType type : values()) {
            if (type.yamlName().equals(yamlName)) {
                return type;
            }
        }
        return null;
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the condition aggregates a {@code field} of the events (value_count and the value_* metrics). */
    public boolean needsField() {
        return this != EVENT_COUNT && this != TEMPORAL && this != TEMPORAL_ORDERED;
    }

    /** temporal and temporal_ordered may leave out their condition: every referenced rule must fire. */
    public boolean isTemporal() {
        return this == TEMPORAL || this == TEMPORAL_ORDERED;
    }

    @Override
    public String toString() {
        return yamlName();
    }
}
