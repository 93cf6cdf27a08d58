package io.sigscan.rules.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.event.ValueKind;

/**
 * Test-only reader of the corpus' evtx-to-JSON dumps (concatenated, pretty-printed objects):
 * flattens each {@code Event} the way the engine does for Windows events ({@code System}
 * children by name, their attributes as {@code Element_Attribute}, {@code EventData} and
 * {@code UserData} leaves by name) into a {@link TestEvent}.
 */
final class WindowsJsonEvents {

    private WindowsJsonEvents() {
    }

    static List<TestEvent> read(String text, FieldTable fields) {
        List<TestEvent> events = new ArrayList<>();
        for (String object : splitObjects(text)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(object);
            Map<String, List<Object>> flat = new LinkedHashMap<>();
            Object event = ((Map<?, ?>) root).get("Event");
            if (event instanceof Map<?, ?> parts) {
                parts.forEach((section, content) -> {
                    if ("System".equals(section) && content instanceof Map<?, ?> system) {
                        system.forEach((name, value) -> flattenSystem(String.valueOf(name), value, flat));
                    } else if (!"#attributes".equals(section)) {
                        flattenLeaves(content, null, flat);
                    }
                });
            }
            TestEvent testEvent = TestEvent.of(fields);
            flat.forEach((name, values) -> values.forEach(value -> put(testEvent, name, value)));
            events.add(testEvent);
        }
        return events;
    }

    private static void flattenSystem(String name, Object value, Map<String, List<Object>> flat) {
        if (value instanceof Map<?, ?> element) {
            Object attributes = element.get("#attributes");
            if (attributes instanceof Map<?, ?> map) {
                map.forEach((attribute, attributeValue) -> add(flat, name + "_" + attribute, attributeValue));
            }
            if (element.containsKey("#text")) {
                add(flat, name, element.get("#text"));
            }
        } else {
            add(flat, name, value);
        }
    }

    private static void flattenLeaves(Object content, String name, Map<String, List<Object>> flat) {
        if (content instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (!"#attributes".equals(key)) {
                    flattenLeaves(value, String.valueOf(key), flat);
                }
            });
        } else if (content instanceof List<?> list && name != null) {
            list.forEach(item -> add(flat, name, item));
        } else if (name != null) {
            add(flat, name, content);
        }
    }

    private static void add(Map<String, List<Object>> flat, String name, Object value) {
        flat.computeIfAbsent(name.replace(" ", ""), key -> new ArrayList<>()).add(value);
    }

    private static void put(TestEvent event, String name, Object value) {
        if (value == null) {
            event.putNull(name);
        } else if (value instanceof Boolean) {
            event.putValue(name, ValueKind.BOOLEAN, value.toString());
        } else if (value instanceof Number) {
            event.putNumber(name, value.toString());
        } else if (value instanceof Map || value instanceof List) {
            event.putStructure(name);
        } else {
            event.put(name, value.toString());
        }
    }

    /** Cuts concatenated JSON objects apart by brace depth outside strings. */
    private static List<String> splitObjects(String text) {
        List<String> objects = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == '}' && --depth == 0) {
                objects.add(text.substring(start, i + 1));
            }
        }
        return objects;
    }
}
