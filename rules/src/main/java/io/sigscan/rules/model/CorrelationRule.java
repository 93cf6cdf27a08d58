package io.sigscan.rules.model;

import java.util.List;
import java.util.Map;

/**
 * A loaded Sigma correlation rule (meta rule). References are resolved later, against the rules
 * and correlations that loaded, by the engine.
 *
 * @param info          title, id, name, level, author... as for detection rules
 * @param type          how events are aggregated
 * @param rules         the rules and correlations it correlates, in order (temporal_ordered needs it)
 * @param groupBy       fields (or aliases) whose values separate groups; empty: one group
 * @param aliases       alias name → (rule reference text → field in that rule's events)
 * @param timespanMillis the window length
 * @param timespanText  the window as written ({@code 5m})
 * @param condition     the condition; for temporal types without one, every rule must fire
 * @param generate      whether the referenced rules still report their own matches
 */
public record CorrelationRule(RuleInfo info, CorrelationType type, List<RuleReference> rules, List<String> groupBy,
                              Map<String, Map<String, String>> aliases, long timespanMillis, String timespanText,
                              CorrelationCondition condition, boolean generate) {

    public CorrelationRule {
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        aliases = Map.copyOf(aliases);
    }

    /**
     * The field to read for group-by entry {@code groupField} in events of the rule {@code source}:
     * the alias target when an alias maps that rule (by name or id), else the entry itself.
     */
    public String fieldFor(String groupField, RuleInfo source) {
        Map<String, String> alias = aliases.get(groupField);
        if (alias == null) {
            return groupField;
        }
        String field = source.name() != null ? alias.get(source.name()) : null;
        if (field == null && source.id() != null) {
            field = alias.get(source.id());
        }
        return field != null ? field : groupField;
    }
}
