package io.sigscan.engine.evtx;

import java.util.Arrays;

import io.sigscan.engine.record.RenderedEvents;
import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.event.ValueKind;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One EVTX record as compiled rules see it, re-wrapped for every record a worker reads. Fields are the
 * flattened Windows names: children of {@code System} by name ({@code EventID}, {@code Channel}), their
 * attributes as {@code Element_Attribute} ({@code Provider_Name}, {@code TimeCreated_SystemTime});
 * {@code Data} elements by their {@code Name} attribute; unnamed {@code Data} elements are the values of one
 * multi-valued field {@code Data}; any other leaf element under {@code EventData}, {@code UserData} or other
 * sections by its own name (so {@code UserData/<Any>/<Child>} is {@code Child}). Spaces in names are ignored.
 * An element without text (an empty {@code Data}, a null substitution) is present with kind {@code NULL}.
 * The keyword pseudo-field holds every text-like value.
 *
 * <p>Hot path: only fields of the {@link FieldTable} are projected, values are decoded to UTF-8 on first
 * access into a per-view scratch buffer, and nothing is allocated per record once the buffers have grown.
 */
public final class EvtxEventView implements EventView {
    private final FieldTable fields;
    private final EventTree tree;

    private DirectBuffer source;
    private final JsonRenderer renderer;
    private long recordId;
    private long writtenTime;
    private long fileOffset;

    private int generation;
    private final int[] slotGeneration;
    private final int[] slotCount;
    private final int[] slotHead;
    private final int[] slotTail;

    private int entryCount;
    private int[] entryOwner = new int[64];
    /** Value type of an array element entry, or -1 for an entry that is the whole text of its owner. */
    private int[] entryType = new int[64];
    private int[] entryValueOffset = new int[64];
    private int[] entryValueLength = new int[64];
    private int[] entryNext = new int[64];
    private int[] entryKind = new int[64];
    private int[] entryTextOffset = new int[64];
    private int[] entryTextLength = new int[64];

    private int cursorSlot = -1;
    private int cursorIndex;
    private int cursorEntry;
    private int cursorGeneration;

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[4096]);
    private int scratchUsed;
    private final UnsafeBuffer nameScratch = new UnsafeBuffer(new byte[1024]);

    /**
     * Slots of the names met in the current chunk, keyed by where the name's bytes are: a chunk's bytes never
     * change, so a name (or a {@code Data} element's {@code Name} text) at the same offset is the same field.
     */
    private final Long2LongHashMap slotCache = new Long2LongHashMap(64, 0.5f, Long.MIN_VALUE);
    private static final long ELEMENT_KEY = 1L << 62;
    private static final long ATTRIBUTE_KEY = 2L << 62;
    private static final long TEXT_KEY = 3L << 62;

    EvtxEventView(FieldTable fields, EventTree tree) {
        this.fields = fields;
        this.tree = tree;
        this.renderer = new JsonRenderer(tree);
        final int slots = fields.size();
        this.slotGeneration = new int[slots];
        this.slotCount = new int[slots];
        this.slotHead = new int[slots];
        this.slotTail = new int[slots];
    }

    /** The record's EventRecordID from its header. */
    public long recordId() {
        return recordId;
    }

    /** The record's written time from its header, as FILETIME ticks. */
    public long writtenTime() {
        return writtenTime;
    }

    /** Byte offset of the record's first byte in the input. */
    public long fileOffset() {
        return fileOffset;
    }

    /** Appends the record as one line of JSON shaped like the evtx_dump renderings (see {@link JsonRenderer}). */
    public void appendJson(RenderedEvents out) {
        renderer.render(source, out);
    }

    /** The record as one line of JSON, as {@link #appendJson} writes it; allocates. */
    public String toJson() {
        final RenderedEvents json = new RenderedEvents();
        appendJson(json);
        return json.text(0, json.length());
    }

    /** Forgets what was cached about the previous chunk's names. */
    void startChunk() {
        slotCache.clear();
    }

    /** Re-wraps the view around a freshly parsed record tree. */
    void wrap(DirectBuffer buffer, long recordIdentifier, long written, long offset) {
        this.source = buffer;
        this.recordId = recordIdentifier;
        this.writtenTime = written;
        this.fileOffset = offset;
        this.generation++;
        if (generation == 0) {
            Arrays.fill(slotGeneration, -1);
            generation = 1;
        }
        this.entryCount = 0;
        this.scratchUsed = 0;
        project();
    }

    @Override
    public int valueCount(int slot) {
        return slotGeneration[slot] == generation ? slotCount[slot] : 0;
    }

    @Override
    public int valueKind(int slot, int index) {
        return entryKind[entry(slot, index)];
    }

    @Override
    public DirectBuffer valueBuffer(int slot, int index) {
        decode(entry(slot, index));
        return scratch;
    }

    @Override
    public int valueOffset(int slot, int index) {
        final int entry = entry(slot, index);
        decode(entry);
        return entryTextOffset[entry];
    }

    @Override
    public int valueLength(int slot, int index) {
        final int entry = entry(slot, index);
        decode(entry);
        return entryTextLength[entry];
    }

    private int entry(int slot, int index) {
        if (slotGeneration[slot] != generation || index < 0 || index >= slotCount[slot]) {
            throwNoSuchValue(slot, index);
        }
        // Values are read in index order, so resuming from the last entry found keeps iteration linear.
        int entry;
        int from;
        if (slot == cursorSlot && cursorGeneration == generation && index >= cursorIndex) {
            entry = cursorEntry;
            from = cursorIndex;
        } else {
            entry = slotHead[slot];
            from = 0;
        }
        for (int i = from; i < index; i++) {
            entry = entryNext[entry];
        }
        cursorSlot = slot;
        cursorIndex = index;
        cursorEntry = entry;
        cursorGeneration = generation;
        return entry;
    }

    private static void throwNoSuchValue(int slot, int index) {
        throw new IndexOutOfBoundsException("no value " + index + " in slot " + slot);
    }

    private void decode(int entry) {
        if (entryTextOffset[entry] >= 0) {
            return;
        }
        final int owner = entryOwner[entry];
        final int type = entryType[entry];
        ensureScratch(type < 0 ? maxTextLength(owner) : ValueText.maxLength(entryValueLength[entry]));
        final int start = scratchUsed;
        final int end = type < 0 ? renderText(source, tree, owner, scratch, start)
                : ValueText.render(source, type, entryValueOffset[entry], entryValueLength[entry], scratch, start);
        entryTextOffset[entry] = start;
        entryTextLength[entry] = end - start;
        scratchUsed = end;
    }

    private int maxTextLength(int owner) {
        return maxTextLength(source, tree, owner);
    }

    /** An upper bound of the UTF-8 length of {@link #renderText} for an owner. */
    static int maxTextLength(DirectBuffer source, EventTree tree, int owner) {
        int total = 0;
        for (int child = tree.firstChild[owner]; child != EventTree.NONE; child = tree.nextSibling[child]) {
            if (tree.kind[child] == EventTree.VALUE) {
                total += tree.nameOrType[child] == ValueType.ENTITY_REF
                        ? Names.maxUtf8Length(source, tree.valueOffset[child]) + 2
                        : ValueText.maxLength(tree.valueLength[child]);
            }
        }
        return total;
    }

    private void ensureScratch(int more) {
        final int needed = scratchUsed + more;
        if (needed > scratch.capacity()) {
            final byte[] grown = Arrays.copyOf(scratch.byteArray(), Math.max(needed, 2 * scratch.capacity()));
            scratch.wrap(grown);
        }
    }

    /**
     * Writes the text of an element or attribute: all its value pieces, entity references resolved, the elements
     * of an array value separated by commas. Returns the end position.
     */
    static int renderText(DirectBuffer source, EventTree tree, int owner, MutableDirectBuffer dst, int at) {
        int p = at;
        for (int child = tree.firstChild[owner]; child != EventTree.NONE; child = tree.nextSibling[child]) {
            if (tree.kind[child] != EventTree.VALUE) {
                continue;
            }
            final int type = tree.nameOrType[child];
            final int offset = tree.valueOffset[child];
            final int length = tree.valueLength[child];
            if (type == ValueType.ENTITY_REF) {
                p = entity(source, offset, dst, p);
            } else if (isArray(type)) {
                final int base = type & ~ValueType.ARRAY;
                final int end = offset + length;
                for (int position = offset, next; (next = ValueText.elementEnd(source, base, position, end)) > position;
                        position = next) {
                    if (position > offset) {
                        dst.putByte(p++, (byte) ',');
                    }
                    p = ValueText.render(source, base, position, ValueText.elementLength(source, base, position, next), dst, p);
                }
            } else {
                p = ValueText.render(source, type, offset, length, dst, p);
            }
        }
        return p;
    }

    static boolean isArray(int type) {
        return (type & ValueType.ARRAY) != 0 && type < ValueType.CHAR_REF;
    }

    private static int entity(DirectBuffer source, int name, MutableDirectBuffer dst, int at) {
        final char resolved = Names.equalsAscii(source, name, "amp") ? '&'
                : Names.equalsAscii(source, name, "lt") ? '<'
                : Names.equalsAscii(source, name, "gt") ? '>'
                : Names.equalsAscii(source, name, "quot") ? '"'
                : Names.equalsAscii(source, name, "apos") ? '\'' : 0;
        if (resolved != 0) {
            dst.putByte(at, (byte) resolved);
            return at + 1;
        }
        dst.putByte(at, (byte) '&');
        final int p = ValueText.utf16(source, name + 8, 2 * Names.charCount(source, name), dst, at + 1);
        dst.putByte(p, (byte) ';');
        return p + 1;
    }

    // ---- projection -------------------------------------------------------------------------------------

    private void project() {
        final EventTree t = tree;
        for (int root = t.firstChild[0]; root != EventTree.NONE; root = t.nextSibling[root]) {
            if (t.kind[root] != EventTree.ELEMENT) {
                continue;
            }
            for (int section = t.firstChild[root]; section != EventTree.NONE; section = t.nextSibling[section]) {
                if (t.kind[section] != EventTree.ELEMENT) {
                    continue;
                }
                if (Names.equalsAscii(source, t.nameOrType[section], "System")) {
                    projectSystem(section);
                } else {
                    projectData(section, 0);
                }
            }
        }
    }

    private void projectSystem(int system) {
        final EventTree t = tree;
        for (int element = t.firstChild[system]; element != EventTree.NONE; element = t.nextSibling[element]) {
            if (t.kind[element] != EventTree.ELEMENT) {
                continue;
            }
            final int elementName = t.nameOrType[element];
            if (!t.hasElements(element)) {
                addValues(element, slotOfName(elementName, EventTree.NONE), true);
            }
            for (int attribute = t.firstChild[element]; attribute != EventTree.NONE; attribute = t.nextSibling[attribute]) {
                if (t.kind[attribute] == EventTree.ATTRIBUTE) {
                    addValues(attribute, slotOfName(elementName, t.nameOrType[attribute]), false);
                }
            }
        }
    }

    private void projectData(int parent, int depth) {
        final EventTree t = tree;
        if (depth > BinXmlParser.MAX_DEPTH) {
            return;
        }
        for (int element = t.firstChild[parent]; element != EventTree.NONE; element = t.nextSibling[element]) {
            if (t.kind[element] != EventTree.ELEMENT) {
                continue;
            }
            final int elementName = t.nameOrType[element];
            if (Names.equalsAscii(source, elementName, "Data")) {
                final int nameAttribute = attribute(element, "Name");
                addValues(element, nameAttribute == EventTree.NONE
                        ? slotOfName(elementName, EventTree.NONE) : slotOfText(nameAttribute), false);
            } else if (t.hasElements(element)) {
                projectData(element, depth + 1);
            } else {
                addValues(element, slotOfName(elementName, EventTree.NONE), true);
            }
        }
    }

    /** The attribute of an element with the given ASCII name, or NONE. */
    int attribute(int element, String name) {
        for (int child = tree.firstChild[element]; child != EventTree.NONE; child = tree.nextSibling[child]) {
            if (tree.kind[child] == EventTree.ATTRIBUTE && Names.equalsAscii(source, tree.nameOrType[child], name)) {
                return child;
            }
        }
        return EventTree.NONE;
    }

    private int slotOfName(int elementName, int attributeName) {
        final long key = attributeName == EventTree.NONE ? ELEMENT_KEY | elementName
                : ATTRIBUTE_KEY | ((long) elementName << 31) | attributeName;
        final long cached = slotCache.get(key);
        if (cached != Long.MIN_VALUE) {
            return (int) cached;
        }
        int needed = Names.maxUtf8Length(source, elementName) + 1;
        if (attributeName != EventTree.NONE) {
            needed += Names.maxUtf8Length(source, attributeName);
        }
        ensureNameScratch(needed);
        int end = Names.writeStripped(source, elementName, nameScratch, 0);
        if (attributeName != EventTree.NONE) {
            nameScratch.putByte(end++, (byte) '_');
            end = Names.writeStripped(source, attributeName, nameScratch, end);
        }
        final int slot = fields.slotOf(nameScratch.byteArray(), 0, end);
        slotCache.put(key, slot);
        return slot;
    }

    private int slotOfText(int owner) {
        final int value = tree.singleValue(owner);
        final long key = value == EventTree.NONE ? Long.MIN_VALUE
                : TEXT_KEY | ((long) tree.valueOffset[value] << 31) | tree.valueLength[value];
        if (value != EventTree.NONE) {
            final long cached = slotCache.get(key);
            if (cached != Long.MIN_VALUE) {
                return (int) cached;
            }
        }
        ensureNameScratch(maxTextLength(owner));
        final int end = Names.stripSpaces(nameScratch, 0, renderText(source, tree, owner, nameScratch, 0));
        final int slot = fields.slotOf(nameScratch.byteArray(), 0, end);
        if (value != EventTree.NONE) {
            slotCache.put(key, slot);
        }
        return slot;
    }

    private void ensureNameScratch(int needed) {
        if (needed > nameScratch.capacity()) {
            nameScratch.wrap(new byte[Math.max(needed, 2 * nameScratch.capacity())]);
        }
    }

    /**
     * Adds the values of an element or attribute to a slot (one per element of an array) and to the keywords.
     * Without text, an element with attributes is a structure, and anything else is present but null.
     */
    private void addValues(int owner, int slot, boolean attributesMakeStructure) {
        final int value = tree.singleValue(owner);
        if (value != EventTree.NONE && isArray(tree.nameOrType[value])) {
            final int base = tree.nameOrType[value] & ~ValueType.ARRAY;
            final int kind = kindOf(base);
            final int offset = tree.valueOffset[value];
            final int end = offset + tree.valueLength[value];
            for (int position = offset, next; (next = ValueText.elementEnd(source, base, position, end)) > position;
                    position = next) {
                addEntry(slot, owner, base, position, ValueText.elementLength(source, base, position, next), kind);
            }
            return;
        }
        final int kind = value != EventTree.NONE ? kindOf(tree.nameOrType[value])
                : tree.hasValue(owner) ? ValueKind.STRING
                : attributesMakeStructure && tree.hasAttributes(owner) ? ValueKind.STRUCTURE : ValueKind.NULL;
        addEntry(slot, owner, -1, 0, 0, kind);
    }

    private static int kindOf(int type) {
        if (ValueType.isNumber(type)) {
            return ValueKind.NUMBER;
        }
        return type == ValueType.BOOL ? ValueKind.BOOLEAN : ValueKind.STRING;
    }

    private void addEntry(int slot, int owner, int type, int offset, int length, int kind) {
        if (slot != FieldTable.ABSENT) {
            append(slot, newEntry(owner, type, offset, length, kind));
        }
        if (kind == ValueKind.STRING) {
            append(KEYWORDS, newEntry(owner, type, offset, length, kind));
        }
    }

    private int newEntry(int owner, int type, int offset, int length, int kind) {
        if (entryCount == entryOwner.length) {
            final int capacity = 2 * entryCount;
            entryOwner = Arrays.copyOf(entryOwner, capacity);
            entryType = Arrays.copyOf(entryType, capacity);
            entryValueOffset = Arrays.copyOf(entryValueOffset, capacity);
            entryValueLength = Arrays.copyOf(entryValueLength, capacity);
            entryNext = Arrays.copyOf(entryNext, capacity);
            entryKind = Arrays.copyOf(entryKind, capacity);
            entryTextOffset = Arrays.copyOf(entryTextOffset, capacity);
            entryTextLength = Arrays.copyOf(entryTextLength, capacity);
        }
        final int entry = entryCount++;
        entryOwner[entry] = owner;
        entryType[entry] = type;
        entryValueOffset[entry] = offset;
        entryValueLength[entry] = length;
        entryNext[entry] = EventTree.NONE;
        entryKind[entry] = kind;
        entryTextOffset[entry] = -1;
        return entry;
    }

    private void append(int slot, int entry) {
        if (slotGeneration[slot] != generation) {
            slotGeneration[slot] = generation;
            slotCount[slot] = 1;
            slotHead[slot] = entry;
        } else {
            slotCount[slot]++;
            entryNext[slotTail[slot]] = entry;
        }
        slotTail[slot] = entry;
    }
}
