package io.sigscan.rules.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sigscan.rules.model.Location;
import io.sigscan.rules.model.Problem;

/**
 * Values for the {@code %name%} placeholders that Sigma's {@code expand} modifier marks, as
 * pySigma's {@code value_placeholders} transformation takes them: a YAML mapping from name to a
 * value or a list of values (strings or numbers; wildcards in them work as in rule values).
 * Read with the same safe YAML settings as rules; every problem is reported with its location
 * and the entries without one are kept.
 */
public final class Placeholders {
    private static final Placeholders NONE = new Placeholders(Map.of(), List.of());

    private final Map<String, List<String>> values;
    private final List<Problem> problems;

    private Placeholders(Map<String, List<String>> values, List<Problem> problems) {
        this.values = Map.copyOf(values);
        this.problems = List.copyOf(problems);
    }

    /** No placeholder has a value: rules using {@code expand} are rejected. */
    public static Placeholders none() {
        return NONE;
    }

    /** Reads a placeholders file. Never throws: problems are in {@link #problems()}. */
    public static Placeholders load(Path file) {
        ProblemSink sink = new ProblemSink();
        String text = RuleFileReader.read(file, sink);
        return text == null ? new Placeholders(Map.of(), sink.problems()) : parse(file.toString(), text, sink);
    }

    /** Reads placeholders from YAML text; {@code sourceName} names it in locations. */
    public static Placeholders parse(String sourceName, String yamlText) {
        return parse(sourceName, yamlText, new ProblemSink());
    }

    private static Placeholders parse(String sourceName, String yamlText, ProblemSink sink) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<YamlNode> documents = new YamlDocumentReader().read(sourceName, yamlText, sink);
        if (documents.size() != 1 || !(documents.get(0) instanceof YamlNode.Mapping mapping)) {
            if (sink.errorCount() == 0) {
                sink.error(documents.isEmpty() ? new Location(sourceName, 0, 0) : documents.get(0).location(),
                        ProblemKind.PLACEHOLDER, "a placeholders file is one YAML mapping from placeholder name "
                                + "to a value or a list of values");
            }
            return new Placeholders(values, sink.problems());
        }
        for (YamlNode.Entry entry : mapping.entries()) {
            List<String> entryValues = values(entry, sink);
            if (entryValues != null) {
                values.put(entry.key().text(), entryValues);
            }
        }
        return new Placeholders(values, sink.problems());
    }

    private static List<String> values(YamlNode.Entry entry, ProblemSink sink) {
        List<YamlNode> items = entry.value() instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(entry.value());
        if (items.isEmpty()) {
            sink.error(entry.value().location(), ProblemKind.PLACEHOLDER, "placeholder '" + entry.key().text()
                    + "' has an empty list; give at least one value");
            return null;
        }
        List<String> result = new ArrayList<>(items.size());
        for (YamlNode item : items) {
            if (!(item instanceof YamlNode.Scalar scalar) || scalar.type() == YamlNode.ScalarType.NULL) {
                sink.error(item.location(), ProblemKind.PLACEHOLDER, "a value of placeholder '" + entry.key().text()
                        + "' is " + YamlNode.describe(item) + "; values are strings or numbers");
                return null;
            }
            result.add(scalar.text());
        }
        return result;
    }

    /** The values of placeholder {@code name}, or null when it has none. */
    List<String> valuesOf(String name) {
        return values.get(name);
    }

    /** Problems found reading the file, errors and warnings, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    /** How many placeholders have values. */
    public int size() {
        return values.size();
    }
}
