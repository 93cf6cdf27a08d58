package io.sigscan.engine.evtx;

import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.sigscan.engine.record.RenderedEvents;

/**
 * Renders a record tree as one line of JSON in the shape of the evtx_dump renderings SigmaHQ ships with its
 * regression data: an element with only text becomes its value, an empty one {@code null}, attributes go under
 * {@code "#attributes"}, text beside attributes or children under {@code "#text"}, and {@code Data} elements
 * with a {@code Name} attribute become {@code "Name": value}. Integers are JSON numbers, booleans JSON booleans,
 * everything else strings. Sibling elements sharing a key (such as unnamed {@code Data}) become one JSON array,
 * in the order their keys first appear.
 *
 * <p>Written as UTF-8 bytes straight into the scan's {@link RenderedEvents}: names and values are decoded into a
 * scratch buffer that only grows, and siblings are grouped by comparing their keys' bytes there, so a matched
 * record (a third of the records of attack samples) costs no strings. One per event view, reused.
 */
final class JsonRenderer {
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] ATTRIBUTES = "\"#attributes\":{".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TEXT = ",\"#text\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final EventTree tree;
    private DirectBuffer source;
    private RenderedEvents out;
    /** Decoded names and values; a stack: the keys of the children of every element being written stay below. */
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[1024]);
    private int scratchTop;
    /** Per depth: the element children being grouped, their keys' bounds in the scratch, whether written. */
    private int[][] children = new int[8][16];
    private int[][] keyStart = new int[8][16];
    private int[][] keyEnd = new int[8][16];
    private boolean[][] written = new boolean[8][16];

    JsonRenderer(EventTree tree) {
        this.tree = tree;
    }

    /** Appends the tree, whose names and values lie in {@code source}, to {@code out}. */
    void render(DirectBuffer source, RenderedEvents out) {
        this.source = source;
        this.out = out;
        scratchTop = 0;
        out.append((byte) '{');
        boolean first = true;
        for (int root = tree.firstChild[0]; root != EventTree.NONE; root = tree.nextSibling[root]) {
            if (tree.kind[root] == EventTree.ELEMENT) {
                if (!first) {
                    out.append((byte) ',');
                }
                first = false;
                final int start = scratchTop;
                quoted(start, name(tree.nameOrType[root], start));
                out.append((byte) ':');
                element(root, 0);
            }
        }
        out.append((byte) '}');
        this.source = null;
        this.out = null;
    }

    private void element(int element, int depth) {
        final boolean attributes = tree.hasAttributes(element);
        final boolean elements = tree.hasElements(element) && depth < BinXmlParser.MAX_DEPTH;
        final boolean values = tree.hasValue(element);
        if (!attributes && !elements) {
            if (values) {
                value(element);
            } else {
                out.append(NULL);
            }
            return;
        }
        out.append((byte) '{');
        boolean first = true;
        if (attributes) {
            out.append(ATTRIBUTES);
            for (int child = tree.firstChild[element]; child != EventTree.NONE; child = tree.nextSibling[child]) {
                if (tree.kind[child] == EventTree.ATTRIBUTE) {
                    if (!first) {
                        out.append((byte) ',');
                    }
                    first = false;
                    final int start = scratchTop;
                    quoted(start, name(tree.nameOrType[child], start));
                    out.append((byte) ':');
                    value(child);
                }
            }
            out.append((byte) '}');
            first = false;
        }
        if (elements) {
            elementChildren(element, depth, first);
        }
        if (values) {
            out.append(TEXT);
            value(element);
        }
        out.append((byte) '}');
    }

    /** Writes the element children of {@code element} as {@code "key": value} pairs, siblings sharing a key as one array. */
    private void elementChildren(int element, int depth, boolean first) {
        final int base = scratchTop;
        int count = 0;
        for (int child = tree.firstChild[element]; child != EventTree.NONE; child = tree.nextSibling[child]) {
            if (tree.kind[child] == EventTree.ELEMENT) {
                ensureChildren(depth, count + 1);
                children[depth][count] = child;
                keyStart[depth][count] = scratchTop;
                scratchTop = key(child, scratchTop);
                keyEnd[depth][count] = scratchTop;
                written[depth][count] = false;
                count++;
            }
        }
        final int[] kids = children[depth];
        final int[] starts = keyStart[depth];
        final int[] ends = keyEnd[depth];
        final boolean[] done = written[depth];
        for (int i = 0; i < count; i++) {
            if (done[i]) {
                continue;
            }
            if (!first) {
                out.append((byte) ',');
            }
            first = false;
            quoted(starts[i], ends[i]);
            out.append((byte) ':');
            int sharing = 0;
            for (int j = i + 1; j < count; j++) {
                if (!done[j] && sameBytes(starts[i], ends[i], starts[j], ends[j])) {
                    sharing++;
                }
            }
            if (sharing == 0) {
                child(kids[i], depth);
            } else {
                out.append((byte) '[');
                child(kids[i], depth);
                for (int j = i + 1; j < count; j++) {
                    if (!done[j] && sameBytes(starts[i], ends[i], starts[j], ends[j])) {
                        out.append((byte) ',');
                        child(kids[j], depth);
                        done[j] = true;
                    }
                }
                out.append((byte) ']');
            }
            done[i] = true;
        }
        scratchTop = base;
    }

    private void child(int child, int depth) {
        if (isNamedData(child)) {
            if (tree.hasValue(child)) {
                value(child);
            } else {
                out.append(NULL);
            }
        } else {
            element(child, depth + 1);
        }
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

    /** Decodes an element's key into the scratch at {@code at}: its name, or a named Data's Name; returns the end. */
    private int key(int element, int at) {
        if (isNamedData(element)) {
            return text(nameAttribute(element), at);
        }
        return name(tree.nameOrType[element], at);
    }

    /** The value of an element or attribute: a number, boolean, array or string according to its type. */
    private void value(int owner) {
        final int single = tree.singleValue(owner);
        final int type = single == EventTree.NONE ? ValueType.STRING : tree.nameOrType[single];
        final int start = scratchTop;
        if (EvtxEventView.isArray(type)) {
            final int base = type & ~ValueType.ARRAY;
            final int offset = tree.valueOffset[single];
            final int end = offset + tree.valueLength[single];
            out.append((byte) '[');
            for (int position = offset, next; (next = ValueText.elementEnd(source, base, position, end)) > position;
                    position = next) {
                if (position > offset) {
                    out.append((byte) ',');
                }
                final int length = ValueText.elementLength(source, base, position, next);
                ensureScratch(start, ValueText.maxLength(length));
                scalar(base, start, ValueText.render(source, base, position, length, scratch, start));
            }
            out.append((byte) ']');
            return;
        }
        scalar(type, start, text(owner, start));
    }

    /** A number or boolean as it is (when it is one: NaN and infinities are strings), anything else quoted. */
    private void scalar(int type, int start, int end) {
        final boolean plainNumber = ValueType.isNumber(type) && end > start && !holds(start, end, 'N')
                && !holds(start, end, 'I');
        if (plainNumber || (type == ValueType.BOOL && end > start)) {
            out.append(scratch, start, end - start);
        } else {
            quoted(start, end);
        }
    }

    private boolean holds(int start, int end, char c) {
        for (int i = start; i < end; i++) {
            if (scratch.getByte(i) == c) {
                return true;
            }
        }
        return false;
    }

    private int text(int owner, int at) {
        ensureScratch(at, EvtxEventView.maxTextLength(source, tree, owner));
        return EvtxEventView.renderText(source, tree, owner, scratch, at);
    }

    private int name(int name, int at) {
        ensureScratch(at, Names.maxUtf8Length(source, name));
        return ValueText.utf16(source, name + 8, 2 * Names.charCount(source, name), scratch, at);
    }

    /** Makes room for {@code more} bytes from {@code at}, keeping what lies below. */
    private void ensureScratch(int at, int more) {
        final int needed = at + more;
        if (needed > scratch.capacity()) {
            scratch.wrap(Arrays.copyOf(scratch.byteArray(), Math.max(needed, 2 * scratch.capacity())));
        }
    }

    private void ensureChildren(int depth, int count) {
        if (depth >= children.length) {
            final int depths = Math.max(depth + 1, 2 * children.length);
            children = Arrays.copyOf(children, depths);
            keyStart = Arrays.copyOf(keyStart, depths);
            keyEnd = Arrays.copyOf(keyEnd, depths);
            written = Arrays.copyOf(written, depths);
        }
        if (children[depth] == null) {
            children[depth] = new int[16];
            keyStart[depth] = new int[16];
            keyEnd[depth] = new int[16];
            written[depth] = new boolean[16];
        }
        if (count > children[depth].length) {
            final int size = Math.max(count, 2 * children[depth].length);
            children[depth] = Arrays.copyOf(children[depth], size);
            keyStart[depth] = Arrays.copyOf(keyStart[depth], size);
            keyEnd[depth] = Arrays.copyOf(keyEnd[depth], size);
            written[depth] = Arrays.copyOf(written[depth], size);
        }
    }

    private boolean sameBytes(int aStart, int aEnd, int bStart, int bEnd) {
        if (aEnd - aStart != bEnd - bStart) {
            return false;
        }
        for (int i = 0; i < aEnd - aStart; i++) {
            if (scratch.getByte(aStart + i) != scratch.getByte(bStart + i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code [start, end)} of the scratch as a JSON string: quote, backslash and control characters escaped. */
    private void quoted(int start, int end) {
        out.append((byte) '"');
        for (int i = start; i < end; i++) {
            final byte c = scratch.getByte(i);
            switch (c) {
                case '"' -> escaped('"');
                case '\\' -> escaped('\\');
                case '\n' -> escaped('n');
                case '\r' -> escaped('r');
                case '\t' -> escaped('t');
                default -> {
                    if (c >= 0 && c < 0x20) {
                        escaped('u');
                        out.append((byte) '0');
                        out.append((byte) '0');
                        out.append(HEX[c >> 4]);
                        out.append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append((byte) '"');
    }

    private void escaped(char c) {
        out.append((byte) '\\');
        out.append((byte) c);
    }
}
