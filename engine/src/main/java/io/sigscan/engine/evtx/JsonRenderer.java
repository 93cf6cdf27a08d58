package io.sigscan.engine.evtx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Renders a record tree as one line of JSON in the shape of the evtx_dump renderings SigmaHQ ships with its
 * regression data: an element with only text becomes its value, an empty one {@code null}, attributes go under
 * {@code "#attributes"}, text beside attributes or children under {@code "#text"}, and {@code Data} elements
 * with a {@code Name} attribute become {@code "Name": value}. Integers are JSON numbers, booleans JSON booleans,
 * everything else strings. Sibling elements sharing a key (such as unnamed {@code Data}) become one JSON array.
 * Used for matched events only, so it allocates freely.
 */
final class JsonRenderer {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final DirectBuffer source;
    private final EventTree tree;
    private UnsafeBuffer text = new UnsafeBuffer(new byte[256]);

    JsonRenderer(DirectBuffer source, EventTree tree) {
        this.source = source;
        this.tree = tree;
    }

    String render() {
        final StringBuilder json = new StringBuilder(1024);
        json.append('{');
        boolean first = true;
        for (int root = tree.firstChild[0]; root != EventTree.NONE; root = tree.nextSibling[root]) {
            if (tree.kind[root] == EventTree.ELEMENT) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                string(json, Names.toString(source, tree.nameOrType[root]));
                json.append(':');
                element(json, root, 0);
            }
        }
        return json.append('}').toString();
    }

    private void element(StringBuilder json, int element, int depth) {
        final boolean attributes = tree.hasAttributes(element);
        final boolean elements = tree.hasElements(element) && depth < BinXmlParser.MAX_DEPTH;
        final boolean values = tree.hasValue(element);
        if (!attributes && !elements) {
            if (values) {
                value(json, element);
            } else {
                json.append("null");
            }
            return;
        }
        json.append('{');
        boolean first = true;
        if (attributes) {
            json.append("\"#attributes\":{");
            for (int child = tree.firstChild[element]; child != EventTree.NONE; child = tree.nextSibling[child]) {
                if (tree.kind[child] == EventTree.ATTRIBUTE) {
                    if (!first) {
                        json.append(',');
                    }
                    first = false;
                    string(json, Names.toString(source, tree.nameOrType[child]));
                    json.append(':');
                    value(json, child);
                }
            }
            json.append('}');
            first = false;
        }
        if (elements) {
            final Map<String, List<String>> children = new LinkedHashMap<>();
            for (int child = tree.firstChild[element]; child != EventTree.NONE; child = tree.nextSibling[child]) {
                if (tree.kind[child] != EventTree.ELEMENT) {
                    continue;
                }
                final StringBuilder rendered = new StringBuilder();
                final String key = key(child);
                if (isNamedData(child)) {
                    if (tree.hasValue(child)) {
                        value(rendered, child);
                    } else {
                        rendered.append("null");
                    }
                } else {
                    element(rendered, child, depth + 1);
                }
                children.computeIfAbsent(key, k -> new ArrayList<>()).add(rendered.toString());
            }
            for (Map.Entry<String, List<String>> child : children.entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                string(json, child.getKey());
                json.append(':');
                final List<String> renderings = child.getValue();
                if (renderings.size() == 1) {
                    json.append(renderings.get(0));
                } else {
                    json.append('[').append(String.join(",", renderings)).append(']');
                }
            }
        }
        if (values) {
            json.append(",\"#text\":");
            value(json, element);
        }
        json.append('}');
    }

    private boolean isNamedData(int element) {
        return Names.equalsAscii(source, tree.nameOrType[element], "Data") && nameAttribute(element) != EventTree.NONE;
    }

    private int nameAttribute(int element) {
        for (int child = tree.firstChild[element]; child != EventTree.NONE; child = tree.nextSibling[child]) {
            if (tree.kind[child] == EventTree.ATTRIBUTE && Names.equalsAscii(source, tree.nameOrType[child], "Name")) {
                return child;
            }
        }
        return EventTree.NONE;
    }

    private String key(int element) {
        if (isNamedData(element)) {
            return text(nameAttribute(element));
        }
        return Names.toString(source, tree.nameOrType[element]);
    }

    /** The value of an element or attribute: a number, boolean, array or string according to its type. */
    private void value(StringBuilder json, int owner) {
        final int single = tree.singleValue(owner);
        final int type = single == EventTree.NONE ? ValueType.STRING : tree.nameOrType[single];
        if (EvtxEventView.isArray(type)) {
            final int base = type & ~ValueType.ARRAY;
            final int offset = tree.valueOffset[single];
            final int end = offset + tree.valueLength[single];
            json.append('[');
            for (int position = offset, next; (next = ValueText.elementEnd(source, base, position, end)) > position;
                    position = next) {
                if (position > offset) {
                    json.append(',');
                }
                scalar(json, base, element(base, position, ValueText.elementLength(source, base, position, next)));
            }
            json.append(']');
            return;
        }
        scalar(json, type, text(owner));
    }

    private static void scalar(StringBuilder json, int type, String text) {
        final boolean plainNumber = ValueType.isNumber(type) && !text.isEmpty() && !text.contains("N") && !text.contains("I");
        if (plainNumber || (type == ValueType.BOOL && !text.isEmpty())) {
            json.append(text);
        } else {
            string(json, text);
        }
    }

    private String text(int owner) {
        ensureText(EvtxEventView.maxTextLength(source, tree, owner));
        return utf8(EvtxEventView.renderText(source, tree, owner, text, 0));
    }

    private String element(int type, int offset, int length) {
        ensureText(ValueText.maxLength(length));
        return utf8(ValueText.render(source, type, offset, length, text, 0));
    }

    private void ensureText(int needed) {
        if (needed > text.capacity()) {
            text = new UnsafeBuffer(new byte[needed]);
        }
    }

    private String utf8(int length) {
        return new String(text.byteArray(), 0, length, StandardCharsets.UTF_8);
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            switch (c) {
                case '"':
                    json.append("\\\"");
                    break;
                case '\\':
                    json.append("\\\\");
                    break;
                case '\n':
                    json.append("\\n");
                    break;
                case '\r':
                    json.append("\\r");
                    break;
                case '\t':
                    json.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        json.append(c);
                    }
            }
        }
        json.append('"');
    }
}
