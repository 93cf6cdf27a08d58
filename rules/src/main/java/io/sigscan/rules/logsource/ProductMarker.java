package io.sigscan.rules.logsource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sigscan.rules.ir.Expr;
import io.sigscan.rules.ir.ValueTest;

/**
 * What positively identifies an event as coming from one product: any of several alternatives,
 * each a set of fields that must all be present, with one of the listed values when values are
 * given (compared as text, ignoring case). A Windows event is one with a {@code Channel}; an AWS
 * CloudTrail record one with both {@code eventSource} and {@code awsRegion}.
 *
 * <p>Markers only ever use what an event carries, never what it lacks: an event without any
 * marker's fields is identified as nothing, and every rule may still run on it. This is the same
 * leniency as routing conditions, which do not hold an absent field against an event.
 *
 * @param product      the Sigma product name, lower case
 * @param alternatives each: field → accepted values, an empty list accepting any value
 */
public record ProductMarker(String product, List<Map<String, List<String>>> alternatives) {

    public ProductMarker {
        List<Map<String, List<String>>> copy = new ArrayList<>();
        for (Map<String, List<String>> alternative : alternatives) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            alternative.forEach((field, values) -> fields.put(field, List.copyOf(values)));
            copy.add(java.util.Collections.unmodifiableMap(fields));
        }
        alternatives = List.copyOf(copy);
    }

    /** True for an event this marker identifies. */
    Expr identifies() {
        List<Expr> anyOf = new ArrayList<>();
        for (Map<String, List<String>> alternative : alternatives) {
            List<Expr> allOf = new ArrayList<>();
            alternative.forEach((field, accepted) -> {
                if (accepted.isEmpty()) {
                    allOf.add(new Expr.Exists(field));
                } else {
                    List<Expr> values = new ArrayList<>();
                    for (String value : accepted) {
                        values.add(new Expr.Match(field, ValueTest.Pattern.exact(value, false)));
                    }
                    allOf.add(new Expr.Or(values));
                }
            });
            anyOf.add(new Expr.And(allOf));
        }
        return new Expr.Or(anyOf);
    }
}
