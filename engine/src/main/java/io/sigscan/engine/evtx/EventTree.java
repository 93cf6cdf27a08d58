package io.sigscan.engine.evtx;

import java.util.Arrays;

/**
 * One record's XML tree in parallel int arrays, reused for every record of a worker. Node 0 is the document;
 * elements and attributes point at their Binary XML name structure (absolute offset in the chunk's buffer),
 * values at their bytes (a substitution value, a UTF-16 text run, a character or entity reference).
 * Arrays only grow, so steady-state parsing allocates nothing.
 */
final class EventTree {
    static final int DOCUMENT = 0;
    static final int ELEMENT = 1;
    static final int ATTRIBUTE = 2;
    static final int VALUE = 3;
    static final int NONE = -1;

    int size;
    int[] kind = new int[256];
    int[] parent = new int[256];
    int[] firstChild = new int[256];
    int[] lastChild = new int[256];
    int[] nextSibling = new int[256];
    /** Name structure offset for elements and attributes; value type for values. */
    int[] nameOrType = new int[256];
    int[] valueOffset = new int[256];
    int[] valueLength = new int[256];

    void reset() {
        size = 0;
        add(DOCUMENT, NONE, NONE, 0, 0);
    }

    int addElement(int parentNode, int nameOffset) {
        return add(ELEMENT, parentNode, nameOffset, 0, 0);
    }

    int addAttribute(int element, int nameOffset) {
        return add(ATTRIBUTE, element, nameOffset, 0, 0);
    }

    int addValue(int owner, int type, int offset, int length) {
        return add(VALUE, owner, type, offset, length);
    }

    private int add(int nodeKind, int parentNode, int nameOrTypeValue, int offset, int length) {
        if (size == kind.length) {
            grow();
        }
        final int node = size++;
        kind[node] = nodeKind;
        parent[node] = parentNode;
        firstChild[node] = NONE;
        lastChild[node] = NONE;
        nextSibling[node] = NONE;
        nameOrType[node] = nameOrTypeValue;
        valueOffset[node] = offset;
        valueLength[node] = length;
        if (parentNode != NONE) {
            if (lastChild[parentNode] == NONE) {
                firstChild[parentNode] = node;
            } else {
                nextSibling[lastChild[parentNode]] = node;
            }
            lastChild[parentNode] = node;
        }
        return node;
    }

    /** Drops an attribute that turned out to have no value (an optional substitution that was null). */
    void removeLastChild(int parentNode, int node) {
        if (lastChild[parentNode] != node || size - 1 != node) {
            return;
        }
        int previous = NONE;
        for (int child = firstChild[parentNode]; child != node; child = nextSibling[child]) {
            previous = child;
        }
        if (previous == NONE) {
            firstChild[parentNode] = NONE;
        } else {
            nextSibling[previous] = NONE;
        }
        lastChild[parentNode] = previous;
        size--;
    }

    private void grow() {
        int capacity = kind.length * 2;
        kind = Arrays.copyOf(kind, capacity);
        parent = Arrays.copyOf(parent, capacity);
        firstChild = Arrays.copyOf(firstChild, capacity);
        lastChild = Arrays.copyOf(lastChild, capacity);
        nextSibling = Arrays.copyOf(nextSibling, capacity);
        nameOrType = Arrays.copyOf(nameOrType, capacity);
        valueOffset = Arrays.copyOf(valueOffset, capacity);
        valueLength = Arrays.copyOf(valueLength, capacity);
    }

    /** Whether an element or attribute has at least one value child (its text). */
    boolean hasValue(int node) {
        for (int child = firstChild[node]; child != NONE; child = nextSibling[child]) {
            if (kind[child] == VALUE) {
                return true;
            }
        }
        return false;
    }

    /** Whether an element has attributes. */
    boolean hasAttributes(int node) {
        for (int child = firstChild[node]; child != NONE; child = nextSibling[child]) {
            if (kind[child] == ATTRIBUTE) {
                return true;
            }
        }
        return false;
    }

    /** Whether an element has element children. */
    boolean hasElements(int node) {
        for (int child = firstChild[node]; child != NONE; child = nextSibling[child]) {
            if (kind[child] == ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** The single value child of a node, or NONE when it has none or several. */
    int singleValue(int node) {
        int found = NONE;
        for (int child = firstChild[node]; child != NONE; child = nextSibling[child]) {
            if (kind[child] == VALUE) {
                if (found != NONE) {
                    return NONE;
                }
                found = child;
            }
        }
        return found;
    }
}
