package io.sigscan.engine.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.agrona.DirectBuffer;

import io.sigscan.engine.record.RenderedEvents;
import io.sigscan.engine.record.Utf8;
import io.sigscan.rules.event.ByteWords;
import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.event.JsonTextValues;
import io.sigscan.rules.event.PresentSlots;
import io.sigscan.rules.event.UncheckedReads;
import io.sigscan.rules.event.ValueKind;

/**
 * One JSON object as an {@link EventView}, projected in a single validating pass over its bytes:
 * no tree and no {@code String} per field. Re-wrapped for every record by one worker.
 *
 * <p><b>Names.</b> Each value is looked up under its dotted key path ({@code Image},
 * {@code winlog.event_data.Image}, {@code Event.EventData.Image}); keys have their spaces stripped
 * and escapes decoded first. Objects shaped like Windows events (an {@code Event} root or
 * top-level {@code System}/{@code EventData}/{@code UserData}) are also flattened the way Sigma
 * rules name their fields:
 * <ul>
 *   <li>{@code System.X} → {@code X}; {@code System.X.#attributes.A} → {@code X_A}
 *       ({@code Provider_Name}); an element written {@code {"#text": v, ...}} has the value v
 *       ({@code EventID} with {@code Qualifiers});</li>
 *   <li>{@code EventData.X} → {@code X}, and {@code EventData.Data} entries shaped
 *       {@code {"@Name"|"Name": X, "#text": v}} → {@code X} (no {@code #text}: {@code null}, like an
 *       empty {@code Data} element read from EVTX);</li>
 *   <li>{@code UserData.<Any>.X} → {@code X}.</li>
 * </ul>
 * A key path no referenced name starts with is parsed (for validation) without any lookups.
 * A {@link FieldProfile} adds its own names: a key path it renames is also looked up under the
 * Sigma name ({@code process.executable} → {@code Image}), and the members of its sections are
 * named by their own key ({@code winlog.event_data.Image} → {@code Image}), from tables built once
 * per view, so projection allocates nothing more.
 *
 * <p><b>Values.</b> Strings are exposed unescaped, decoded into per-view scratch only when a value
 * with escapes is asked for; unpaired {@code \\u} surrogates decode to U+FFFD; numbers and booleans
 * are their text; {@code null} is {@link ValueKind#NULL}; objects and arrays of objects are
 * {@link ValueKind#STRUCTURE}; an array of scalars gives one value per element; an empty array is
 * one {@link ValueKind#STRUCTURE} value. Arrays are transparent to paths: {@code {"a":[{"b":1}]}}
 * has {@code a.b = 1}.
 *
 * <p><b>Keywords.</b> Slot {@link EventView#KEYWORDS} (every string value, keys excluded) is
 * noted while parsing: three ints per string value, cheaper than the second pass over the
 * record that finding them later would take.
 *
 * <p><b>Strictness.</b> The record must be valid JSON (RFC 8259) except that raw tabs are accepted
 * inside strings; bytes are not checked to be UTF-8. Nesting deeper than {@value #MAX_DEPTH}
 * levels is rejected so hostile input cannot exhaust the stack.
 */
public final class JsonEventView implements JsonTextValues, PresentSlots {

    /** Deepest nesting of objects and arrays accepted. */
    public static final int MAX_DEPTH = 128;

    static final String UNEXPECTED_END = "unexpected end of the record";
    static final String EXPECTED_KEY = "expected '\"' to start an object key";
    static final String EXPECTED_COLON = "expected ':' after an object key";
    static final String EXPECTED_OBJECT_END = "expected ',' or '}' after an object member";
    static final String EXPECTED_ARRAY_END = "expected ',' or ']' after an array element";
    static final String EXPECTED_VALUE = "expected a value (string, number, object, array, true, false or null)";
    static final String BAD_NUMBER = "invalid number";
    static final String BAD_ESCAPE = "invalid escape in a string (accepted: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
    static final String CONTROL_IN_STRING = "control character in a string (it must be escaped)";
    static final String TOO_DEEP = "objects and arrays nested deeper than " + MAX_DEPTH + " levels";

    // What the object or value being parsed is, for Windows event flattening.
    private static final int SKIP = 0;          // no referenced name can lie below: validate only
    private static final int GENERIC = 1;
    private static final int ROOT = 2;
    private static final int EVENT = 3;         // Event
    private static final int SYSTEM = 4;        // [Event.]System
    private static final int EVENT_DATA = 5;    // [Event.]EventData
    private static final int USER_DATA = 6;     // [Event.]UserData
    private static final int USER_DATA_ANY = 7; // [Event.]UserData.<Any>
    private static final int ELEMENT = 8;       // a child of System, EventData or UserData.<Any>
    private static final int ATTRIBUTES = 9;    // an element's #attributes
    private static final int DATA = 10;         // EventData.Data: one or an array of named entries
    private static final int DATA_ENTRY = 11;   // {"@Name": X, "#text": v}

    // Eight-byte masks for scanning strings a word at a time.
    private static final long QUOTE_TO_SPACE = ByteWords.repeated('"' ^ ' ');
    private static final long HIGH_BITS = ByteWords.repeated(0x80);
    private static final long BACKSLASHES = ByteWords.repeated('\\');
    private static final long SPACES = ByteWords.repeated(' ');

    /**
     * What may follow a backslash in a string: one of {@code "\bfnrt}, the only way to write its
     * character in a JSON string; {@code /}, which may also be written as it is; or {@code u} and
     * four hex digits, which may write any character.
     */
    private static final byte[] ESCAPES = new byte[256];
    private static final byte ONE_WAY_ESCAPE = 1;
    private static final byte SLASH_ESCAPE = 2;
    private static final byte UNICODE_ESCAPE = 3;

    static {
        for (char c : "\"\\bfnrt".toCharArray()) {
            ESCAPES[c] = ONE_WAY_ESCAPE;
        }
        ESCAPES['/'] = SLASH_ESCAPE;
        ESCAPES['u'] = UNICODE_ESCAPE;
    }

    private static final byte[] EVENT_NAME = ascii("Event");
    private static final byte[] SYSTEM_NAME = ascii("System");
    private static final byte[] EVENT_DATA_NAME = ascii("EventData");
    private static final byte[] USER_DATA_NAME = ascii("UserData");
    private static final byte[] DATA_NAME = ascii("Data");
    private static final byte[] TEXT_NAME = ascii("#text");
    private static final byte[] ATTRIBUTES_NAME = ascii("#attributes");
    private static final byte[] AT_NAME = ascii("@Name");
    private static final byte[] NAME = ascii("Name");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL = ascii("null");

    private final FieldTable fields;
    /** Every dotted prefix of every referenced name: where full-path lookups can still succeed. */
    private final FieldTable prefixes;
    /** The profile's renamed key paths whose Sigma name is referenced, or null when it renames none. */
    private final FieldTable renamedPaths;
    /** Slot in {@link #fields} of each {@link #renamedPaths} entry's Sigma name. */
    private final int[] renamedSlots;
    /** The profile's sections (objects whose members are named by their own key), or null. */
    private final FieldTable sections;

    // The record being parsed.
    private DirectBuffer buffer;
    private int recordStart;
    private int recordEnd;
    private int limit;
    private int errorOffset;
    private String errorReason;
    /** Whether the record holds whitespace between tokens, which {@link #appendCompactJson} leaves out. */
    private boolean spaced;
    /** Whether a string of the record holds a raw tab (accepted, though JSON escapes it). */
    private boolean rawTab;

    // Outputs of the scanners, kept in fields so they allocate nothing.
    private boolean stringEscaped;
    /** Whether the string holds a character JSON lets a writer spell two ways: <code>&#92;u</code> or {@code \/} escapes, a raw tab. */
    private boolean stringSpelledFreely;
    /** Whether the string holds ASCII only; false may also mean unknown (see {@link #scanString}). */
    private boolean stringAscii;
    /** Index of the record's first byte that is not well-formed UTF-8, or -1. */
    private int malformedUtf8At;
    private int lastKind;
    private int lastOffset;
    private int lastLength;

    // Scratch for the flattened names.
    private byte[] path = new byte[256];
    private int pathLength;
    /** Path length from which no referenced full path can start: set by an object that failed the prefix check. */
    private int noLookupsFrom;
    private byte[] alias = new byte[128];

    private final ProjectedValues values;

    /** A view for keys named as Sigma rules name them ({@link FieldProfile#SIGMA}). */
    public JsonEventView(FieldTable fields) {
        this(fields, FieldProfile.SIGMA);
    }

    /** A view that also projects keys under the names {@code profile} gives them. */
    public JsonEventView(FieldTable fields, FieldProfile profile) {
        this.fields = fields;
        FieldTable.Builder prefixBuilder = FieldTable.builder();
        for (int slot = 1; slot < fields.size(); slot++) {
            addPrefixes(prefixBuilder, fields.name(slot));
        }
        FieldTable.Builder renamedBuilder = FieldTable.builder();
        int[] slots = new int[profile.renames().size() + 1];
        Arrays.fill(slots, FieldTable.ABSENT);
        profile.renames().forEach((path, sigmaName) -> {
            int target = fields.slotOf(sigmaName);
            if (target != FieldTable.ABSENT) {
                slots[renamedBuilder.add(path)] = target;
                addPrefixes(prefixBuilder, path);
            }
        });
        FieldTable.Builder sectionBuilder = FieldTable.builder();
        for (String section : profile.sections()) {
            sectionBuilder.add(section);
            addPrefixes(prefixBuilder, section + ".");
        }
        this.prefixes = prefixBuilder.build();
        FieldTable renamed = renamedBuilder.build();
        this.renamedPaths = renamed.size() > 1 ? renamed : null;
        this.renamedSlots = slots;
        this.sections = profile.sections().isEmpty() ? null : sectionBuilder.build();
        this.values = new ProjectedValues(fields.size());
    }

    /** Adds every proper dotted prefix of {@code name}: {@code a} and {@code a.b} for {@code a.b.c}. */
    private static void addPrefixes(FieldTable.Builder prefixes, String name) {
        for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
            prefixes.add(name.substring(0, dot));
        }
    }

    /**
     * Parses the object starting at {@code start} (which must hold {@code '{'}) without reading at
     * or past {@code limit}, and makes it the current event.
     *
     * @return the index just past the object's closing brace, or -1 when it is not valid JSON
     *         ({@link #errorReason()} and {@link #errorOffset()} say why and where)
     */
    public int wrap(DirectBuffer buffer, int start, int limit) {
        values.clear();
        this.buffer = buffer;
        this.recordStart = start;
        this.recordEnd = start;
        this.limit = limit;
        this.pathLength = 0;
        this.noLookupsFrom = Integer.MAX_VALUE;
        this.spaced = false;
        this.rawTab = false;
        this.malformedUtf8At = -1;
        if (start >= limit) {
            return failEnd();
        }
        // The parser reads unchecked below the limit: check the limit once.
        UncheckedReads.checkRange(buffer, start, limit);
        if (buffer.getByte(start) != '{') {
            return fail(start, EXPECTED_VALUE);
        }
        int end = parseObject(start + 1, 1, ROOT, FieldTable.ABSENT, 0, 0);
        if (end < 0) {
            return -1;
        }
        recordEnd = end;
        values.complete(buffer);
        return end;
    }

    /** Why the last {@link #wrap} failed. */
    public String errorReason() {
        return errorReason;
    }

    /** Index in the buffer where the last {@link #wrap} failed; the limit when input ran out. */
    public int errorOffset() {
        return errorOffset;
    }

    /**
     * Index in the buffer of the current record's first byte that is not well-formed UTF-8, or -1.
     * Such bytes are read and compared as they are; only rendering replaces them.
     */
    public int malformedUtf8Offset() {
        return malformedUtf8At;
    }

    /** Whether the current record has no whitespace between its tokens, so no line break inside. */
    public boolean compact() {
        return !spaced;
    }

    /**
     * Appends the current record as one line of compact JSON: its bytes without insignificant
     * whitespace. A raw tab is accepted in a string but is not JSON: it is written escaped, so
     * that the match output stays JSON. Invalid UTF-8 is written as U+FFFD, as a decoder would,
     * so that the output stays UTF-8.
     */
    public void appendCompactJson(RenderedEvents out) {
        final int start = out.length();
        final DirectBuffer in = buffer;
        if (!spaced && !rawTab) {
            // Already compact, as JSON lines usually are: the bytes as they are.
            out.append(in, recordStart, recordEnd - recordStart);
        } else {
            boolean inString = false;
            for (int p = recordStart; p < recordEnd; p++) {
                final byte c = in.getByte(p);
                if (!inString) {
                    if (!isWhitespace(c)) {
                        out.append(c);
                        inString = c == '"';
                    }
                } else if (c == '\\') {
                    out.append(c);
                    out.append(in.getByte(++p));
                } else if (c == '\t') {
                    out.append((byte) '\\');
                    out.append((byte) 't');
                } else {
                    out.append(c);
                    inString = c != '"';
                }
            }
        }
        out.replaceInvalidUtf8(start);
    }

    @Override
    public int valueCount(int slot) {
        return values.count(slot);
    }

    @Override
    public int valueKind(int slot, int index) {
        return values.kind(slot, index);
    }

    @Override
    public DirectBuffer valueBuffer(int slot, int index) {
        return values.buffer(slot, index);
    }

    @Override
    public int valueOffset(int slot, int index) {
        return values.offset(slot, index);
    }

    @Override
    public int valueLength(int slot, int index) {
        return values.length(slot, index);
    }

    @Override
    public int jsonTextLength(int slot, int index) {
        return values.jsonTextLength(slot, index);
    }

    @Override
    public int presentSlotCount() {
        return values.touchedCount();
    }

    @Override
    public int presentSlot(int i) {
        return values.touched(i);
    }

    @Override
    public boolean jsonTextIsAscii(int slot, int index) {
        return values.jsonTextIsAscii(slot, index);
    }

    @Override
    public int jsonTextOffset(int slot, int index) {
        return values.jsonTextOffset(slot, index);
    }

    @Override
    public DirectBuffer jsonTextBuffer() {
        return values.record();
    }

    private void addValue(int slotA, int slotB, int kind, int offset, int length) {
        if (slotA >= 0) {
            values.add(slotA, kind, offset, length);
        }
        if (slotB >= 0 && slotB != slotA) {
            values.add(slotB, kind, offset, length);
        }
    }

    // ---- the parser -------------------------------------------------------------------------

    /** Parses members from {@code p} (just past '{') to the closing brace; returns the index after it. */
    private int parseObject(int p, int depth, int role, int elementSlot, int elementNameOffset,
                            int elementNameLength) {
        if (depth > MAX_DEPTH) {
            return fail(p - 1, TOO_DEEP);
        }
        final DirectBuffer in = buffer;
        final int end = limit;
        final int basePath = pathLength;
        final int enclosingNoLookupsFrom = noLookupsFrom;
        final boolean lookups;
        if (role == SKIP || basePath >= noLookupsFrom) {
            lookups = false;
        } else {
            lookups = basePath == 0 || prefixes.slotOf(path, 0, basePath) != FieldTable.ABSENT;
            if (!lookups) {
                noLookupsFrom = basePath;
            }
        }
        // The parent path's whole words are hashed once for all its keys (ByteWords.hashUpdate).
        final int prefixWords = basePath & ~7;
        final long prefixHash = lookups ? ByteWords.hashUpdate(ByteWords.HASH_SEED, path, 0, prefixWords) : 0;
        boolean textSeen = false;
        int dataName = -1;
        int dataNameLength = 0;
        boolean dataNameEscaped = false;
        int dataTextKind = 0;
        int dataTextOffset = 0;
        int dataTextLength = 0;

        p = skipWhitespace(p);
        if (p < end && UncheckedReads.getByte(in, p) == '}') {
            p++;
        } else {
            while (true) {
                if (p >= end) {
                    return failEnd();
                }
                if (UncheckedReads.getByte(in, p) != '"') {
                    return fail(p, EXPECTED_KEY);
                }
                final int keyStart = p + 1;
                final int keyEnd = scanString(keyStart);
                if (keyEnd < 0) {
                    return -1;
                }
                final boolean keyEscaped = stringEscaped;
                p = skipWhitespace(keyEnd + 1);
                if (p >= end) {
                    return failEnd();
                }
                if (UncheckedReads.getByte(in, p) != ':') {
                    return fail(p, EXPECTED_COLON);
                }
                p = skipWhitespace(p + 1);
                if (p >= end) {
                    return failEnd();
                }
                int childRole = SKIP;
                int fullSlot = FieldTable.ABSENT;
                int aliasSlot = FieldTable.ABSENT;
                int childElementOffset = 0;
                int childElementLength = 0;
                int dataKey = 0; // 1: the entry's name, 2: its text
                if (role != SKIP) {
                    final int nameOffset = appendKey(basePath, keyStart, keyEnd, keyEscaped);
                    final int nameLength = pathLength - nameOffset;
                    childElementOffset = nameOffset;
                    childElementLength = nameLength;
                    int pathHash = 0;
                    if (lookups) {
                        pathHash = ByteWords.hashFinish(ByteWords.hashUpdate(prefixHash, path, prefixWords, pathLength),
                                pathLength); // = FieldTable.hash(path, 0, pathLength)
                        fullSlot = fields.slotOf(path, 0, pathLength, pathHash);
                    }
                    childRole = lookups ? GENERIC : SKIP;
                    switch (role) {
                        case ROOT -> childRole = nameIs(nameOffset, nameLength, EVENT_NAME) ? EVENT
                                : windowsSection(nameOffset, nameLength, childRole);
                        case EVENT -> childRole = windowsSection(nameOffset, nameLength, childRole);
                        case SYSTEM, USER_DATA_ANY -> {
                            aliasSlot = fields.slotOf(path, nameOffset, nameLength);
                            childRole = ELEMENT;
                        }
                        case EVENT_DATA -> {
                            aliasSlot = fields.slotOf(path, nameOffset, nameLength);
                            childRole = nameIs(nameOffset, nameLength, DATA_NAME) ? DATA : ELEMENT;
                        }
                        case USER_DATA -> childRole = USER_DATA_ANY;
                        case ELEMENT -> {
                            if (nameIs(nameOffset, nameLength, TEXT_NAME)) {
                                aliasSlot = elementSlot;
                                textSeen = true;
                            } else if (nameIs(nameOffset, nameLength, ATTRIBUTES_NAME)) {
                                childRole = ATTRIBUTES;
                                childElementOffset = elementNameOffset;
                                childElementLength = elementNameLength;
                            }
                        }
                        case ATTRIBUTES -> aliasSlot = attributeSlot(elementNameOffset, elementNameLength,
                                nameOffset, nameLength);
                        case DATA_ENTRY -> {
                            if (nameIs(nameOffset, nameLength, AT_NAME) || nameIs(nameOffset, nameLength, NAME)) {
                                dataKey = 1;
                            } else if (nameIs(nameOffset, nameLength, TEXT_NAME)) {
                                dataKey = 2;
                            }
                        }
                        default -> {
                            // GENERIC: the full path is all there is, but for the profile's names
                        }
                    }
                    if (lookups && (role == GENERIC || role == ROOT)) {
                        if (renamedPaths != null) {
                            final int renamed = renamedPaths.slotOf(path, 0, pathLength, pathHash);
                            if (renamed != FieldTable.ABSENT) {
                                aliasSlot = renamedSlots[renamed];
                            }
                        }
                        if (sections != null && sections.slotOf(path, 0, pathLength, pathHash) != FieldTable.ABSENT) {
                            childRole = EVENT_DATA;
                        }
                    }
                }
                p = parseValue(p, depth, childRole, fullSlot, aliasSlot, childElementOffset, childElementLength);
                if (p < 0) {
                    return -1;
                }
                if (dataKey == 1 && (lastKind & ProjectedValues.KIND_MASK) == ValueKind.STRING) {
                    dataName = lastOffset;
                    dataNameLength = lastLength;
                    dataNameEscaped = (lastKind & ProjectedValues.ESCAPED) != 0;
                } else if (dataKey == 2) {
                    dataTextKind = lastKind;
                    dataTextOffset = lastOffset;
                    dataTextLength = lastLength;
                }
                pathLength = basePath;
                p = skipWhitespace(p);
                if (p >= end) {
                    return failEnd();
                }
                byte c = UncheckedReads.getByte(in, p);
                if (c == ',') {
                    p = skipWhitespace(p + 1);
                } else if (c == '}') {
                    p++;
                    break;
                } else {
                    return fail(p, EXPECTED_OBJECT_END);
                }
            }
        }
        noLookupsFrom = enclosingNoLookupsFrom;
        if (role == ELEMENT && !textSeen) {
            addValue(elementSlot, FieldTable.ABSENT, ValueKind.STRUCTURE, p, 0);
        } else if (role == DATA_ENTRY && dataName >= 0) {
            int slot = dataEntrySlot(dataName, dataNameLength, dataNameEscaped);
            if (dataTextKind != 0) {
                addValue(slot, FieldTable.ABSENT, dataTextKind, dataTextOffset, dataTextLength);
            } else {
                // An element with no content, as the EVTX reader reports it: present, without a value.
                addValue(slot, FieldTable.ABSENT, ValueKind.NULL, p, 0);
            }
        }
        return p;
    }

    /**
     * Parses the value at {@code p} (which is before the limit), records it under the given slots
     * and returns the index after it. {@code role} says what the value is.
     */
    private int parseValue(int p, int depth, int role, int slotA, int slotB, int elementNameOffset,
                           int elementNameLength) {
        final byte c = UncheckedReads.getByte(buffer, p);
        switch (c) {
            case '"' -> {
                final int start = p + 1;
                final int end = scanString(start);
                if (end < 0) {
                    return -1;
                }
                final int kind = ValueKind.STRING | (stringEscaped ? ProjectedValues.ESCAPED : 0)
                        | (stringSpelledFreely ? ProjectedValues.SPELLED_FREELY : 0)
                        | (stringAscii ? ProjectedValues.ASCII : 0);
                values.addKeyword(kind, start, end - start);
                return scalar(slotA, slotB, kind, start, end - start, end + 1);
            }
            case '{' -> {
                int end;
                if (role == ELEMENT) {
                    // The element's own name gets its #text (or, lacking one, presence) at the end.
                    addValue(slotA, FieldTable.ABSENT, ValueKind.STRUCTURE, p, 0);
                    end = parseObject(p + 1, depth + 1, ELEMENT, slotB, elementNameOffset, elementNameLength);
                } else {
                    addValue(slotA, slotB, ValueKind.STRUCTURE, p, 0);
                    end = parseObject(p + 1, depth + 1, role == DATA ? DATA_ENTRY : role, slotB,
                            elementNameOffset, elementNameLength);
                }
                lastKind = ValueKind.STRUCTURE;
                return end;
            }
            case '[' -> {
                int end = parseArray(p + 1, depth + 1, role, slotA, slotB, elementNameOffset, elementNameLength);
                lastKind = ValueKind.STRUCTURE;
                return end;
            }
            case 't' -> {
                return literal(p, TRUE, slotA, slotB, ValueKind.BOOLEAN);
            }
            case 'f' -> {
                return literal(p, FALSE, slotA, slotB, ValueKind.BOOLEAN);
            }
            case 'n' -> {
                return literal(p, NULL, slotA, slotB, ValueKind.NULL);
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    final int end = scanNumber(p);
                    return end < 0 ? -1 : scalar(slotA, slotB, ValueKind.NUMBER, p, end - p, end);
                }
                return fail(p, EXPECTED_VALUE);
            }
        }
    }

    /** Matches {@code true}, {@code false} or {@code null}, records it and returns the index after it. */
    private int literal(int p, byte[] word, int slotA, int slotB, int kind) {
        final int length = word.length;
        if (p + length > limit) {
            return failEnd();
        }
        final DirectBuffer in = buffer;
        for (int i = 1; i < length; i++) {
            if (UncheckedReads.getByte(in, p + i) != word[i]) {
                return fail(p, EXPECTED_VALUE);
            }
        }
        return scalar(slotA, slotB, kind, p, kind == ValueKind.NULL ? 0 : length, p + length);
    }

    private int scalar(int slotA, int slotB, int kind, int offset, int length, int next) {
        addValue(slotA, slotB, kind, offset, length);
        lastKind = kind;
        lastOffset = offset;
        lastLength = length;
        return next;
    }

    private int parseArray(int p, int depth, int role, int slotA, int slotB, int elementNameOffset,
                           int elementNameLength) {
        if (depth > MAX_DEPTH) {
            return fail(p - 1, TOO_DEEP);
        }
        final DirectBuffer in = buffer;
        final int end = limit;
        p = skipWhitespace(p);
        if (p >= end) {
            return failEnd();
        }
        if (UncheckedReads.getByte(in, p) == ']') {
            addValue(slotA, slotB, ValueKind.STRUCTURE, p - 1, 0);
            return p + 1;
        }
        while (true) {
            p = parseValue(p, depth, role, slotA, slotB, elementNameOffset, elementNameLength);
            if (p < 0) {
                return -1;
            }
            p = skipWhitespace(p);
            if (p >= end) {
                return failEnd();
            }
            byte c = UncheckedReads.getByte(in, p);
            if (c == ']') {
                return p + 1;
            }
            if (c != ',') {
                return fail(p, EXPECTED_ARRAY_END);
            }
            p = skipWhitespace(p + 1);
            if (p >= end) {
                return failEnd();
            }
        }
    }

    /**
     * Scans a string body from {@code p} (just past the quote); returns the closing quote's index.
     * Eight bytes at a time while they hold no quote, backslash or control character. On the way
     * it ORs together every word and byte it reads, so it knows for free whether the string is
     * ASCII (a word read past the closing quote may say no for a string that is: never the reverse).
     */
    private int scanString(int p) {
        final int start = p;
        final DirectBuffer in = buffer;
        final byte[] array = in.byteArray();
        final long address = in.addressOffset();
        final int end = limit;
        final int wordEnd = end - 8;
        boolean escaped = false;
        boolean spelledFreely = false;
        long bytesSeen = 0;
        while (p < end) {
            if (p <= wordEnd) {
                final long word = UncheckedReads.getLongLittleEndian(in, array, address, p);
                bytesSeen |= word;
                // Flipping bit 1 turns '"' into 0x20 and keeps control characters below it (no
                // other byte lands below 0x21): one test finds both.
                final long special = ByteWords.bytesBelow(word ^ QUOTE_TO_SPACE, 0x21)
                        | ByteWords.zeroBytes(word ^ BACKSLASHES);
                if (special == 0) {
                    p += 8;
                    continue;
                }
                // The lowest flagged byte is exact (borrows only run upwards): go straight to it.
                p += Long.numberOfTrailingZeros(special) >>> 3;
            }
            final byte c = UncheckedReads.getByte(in, array, address, p);
            bytesSeen |= c;
            if (c == '"') {
                stringEscaped = escaped;
                stringSpelledFreely = spelledFreely;
                stringAscii = (bytesSeen & HIGH_BITS) == 0;
                if (!stringAscii && malformedUtf8At < 0) {
                    malformedUtf8At = Utf8.firstMalformed(in, start, p);
                }
                return p;
            }
            if (c == '\\') {
                escaped = true;
                if (p + 1 >= end) {
                    return failEnd();
                }
                final int escape = ESCAPES[UncheckedReads.getByte(in, array, address, p + 1) & 0xFF];
                if (escape == ONE_WAY_ESCAPE || escape == SLASH_ESCAPE) {
                    spelledFreely |= escape == SLASH_ESCAPE;
                    p += 2;
                } else if (escape == UNICODE_ESCAPE) {
                    spelledFreely = true;
                    if (p + 6 > end) {
                        return failEnd();
                    }
                    if (!isHexDigit(in, p + 2) || !isHexDigit(in, p + 3) || !isHexDigit(in, p + 4)
                            || !isHexDigit(in, p + 5)) {
                        return fail(p, BAD_ESCAPE);
                    }
                    p += 6;
                } else {
                    return fail(p, BAD_ESCAPE);
                }
            } else if ((c & 0xFF) < 0x20) {
                if (c != '\t') {
                    return fail(p, CONTROL_IN_STRING);
                }
                spelledFreely = true; // accepted raw, though JSON writes it \t
                rawTab = true;
                p++;
            } else {
                p++;
            }
        }
        return failEnd();
    }

    private static boolean isHexDigit(DirectBuffer in, int p) {
        return JsonStrings.isHexDigit(UncheckedReads.getByte(in, p));
    }

    private int scanNumber(int p) {
        final DirectBuffer in = buffer;
        final int end = limit;
        if (UncheckedReads.getByte(in, p) == '-') {
            p++;
            if (p >= end) {
                return failEnd();
            }
        }
        byte c = UncheckedReads.getByte(in, p);
        if (c == '0') {
            p++;
        } else if (c >= '1' && c <= '9') {
            p = skipDigits(p + 1);
        } else {
            return fail(p, BAD_NUMBER);
        }
        if (p < end && UncheckedReads.getByte(in, p) == '.') {
            int digits = p + 1;
            p = skipDigits(digits);
            if (p == digits) {
                return p >= end ? failEnd() : fail(p, BAD_NUMBER);
            }
        }
        if (p < end && (UncheckedReads.getByte(in, p) | 0x20) == 'e') {
            p++;
            if (p < end && (UncheckedReads.getByte(in, p) == '+' || UncheckedReads.getByte(in, p) == '-')) {
                p++;
            }
            int digits = p;
            p = skipDigits(digits);
            if (p == digits) {
                return p >= end ? failEnd() : fail(p, BAD_NUMBER);
            }
        }
        return p;
    }

    private int skipDigits(int p) {
        final DirectBuffer in = buffer;
        final int end = limit;
        while (p < end) {
            byte c = UncheckedReads.getByte(in, p);
            if (c < '0' || c > '9') {
                break;
            }
            p++;
        }
        return p;
    }

    private int skipWhitespace(int p) {
        final DirectBuffer in = buffer;
        final int end = limit;
        final int from = p;
        while (p < end && isWhitespace(UncheckedReads.getByte(in, p))) {
            p++;
        }
        if (p != from) {
            spaced = true;
        }
        return p;
    }

    static boolean isWhitespace(byte c) {
        // Most bytes tested are the structure of compact JSON, all above a space: one comparison.
        return c <= ' ' && (c == ' ' || c == '\n' || c == '\r' || c == '\t');
    }

    private int fail(int offset, String reason) {
        errorOffset = offset;
        errorReason = reason;
        return -1;
    }

    private int failEnd() {
        return fail(limit, UNEXPECTED_END);
    }

    // ---- names ------------------------------------------------------------------------------

    private int windowsSection(int nameOffset, int nameLength, int otherwise) {
        if (nameIs(nameOffset, nameLength, SYSTEM_NAME)) {
            return SYSTEM;
        }
        if (nameIs(nameOffset, nameLength, EVENT_DATA_NAME)) {
            return EVENT_DATA;
        }
        if (nameIs(nameOffset, nameLength, USER_DATA_NAME)) {
            return USER_DATA;
        }
        return otherwise;
    }

    /** Appends {@code .key} (decoded, spaces stripped) to the path; returns where the key starts. */
    private int appendKey(int basePath, int keyStart, int keyEnd, boolean escaped) {
        final int at = basePath == 0 ? 0 : basePath + 1;
        final int rawLength = keyEnd - keyStart;
        // Eight spare bytes: copyKey writes and FieldTable.hash reads a last partial word whole.
        if (at + rawLength + 8 > path.length) {
            path = Arrays.copyOf(path, Math.max(at + rawLength + 8, path.length * 2));
        }
        if (basePath > 0) {
            path[basePath] = '.';
        }
        if (escaped) {
            pathLength = at + stripSpaces(path, at, JsonStrings.unescape(buffer, keyStart, keyEnd, path, at));
        } else {
            final boolean spaces = copyKey(keyStart, rawLength, at);
            pathLength = at + (spaces ? stripSpaces(path, at, rawLength) : rawLength);
        }
        return at;
    }

    /**
     * Copies a key's bytes into the path a word at a time (a bulk copy costs more for so few
     * bytes); whether they hold a space, found in the same pass.
     */
    private boolean copyKey(int keyStart, int length, int at) {
        final DirectBuffer in = buffer;
        final byte[] out = path;
        if (keyStart + length + 8 > in.capacity()) {
            in.getBytes(keyStart, out, at, length);
            return ByteWords.contains(out, at, length, (byte) ' ');
        }
        long spaces = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            final long word = UncheckedReads.getLongLittleEndian(in, keyStart + i);
            ByteWords.putWord(out, at + i, word);
            spaces |= ByteWords.zeroBytes(word ^ SPACES);
        }
        if (i < length) {
            // The bytes past the key are copied too (the path has room) but not searched.
            final long word = UncheckedReads.getLongLittleEndian(in, keyStart + i);
            ByteWords.putWord(out, at + i, word);
            spaces |= ByteWords.zeroBytes(word ^ SPACES) & (-1L >>> (64 - 8 * (length - i)));
        }
        return spaces != 0;
    }

    private int attributeSlot(int elementOffset, int elementLength, int nameOffset, int nameLength) {
        final int total = elementLength + 1 + nameLength;
        if (total > alias.length) {
            alias = Arrays.copyOf(alias, Math.max(total, alias.length * 2));
        }
        System.arraycopy(path, elementOffset, alias, 0, elementLength);
        alias[elementLength] = '_';
        System.arraycopy(path, nameOffset, alias, elementLength + 1, nameLength);
        return fields.slotOf(alias, 0, total);
    }

    private int dataEntrySlot(int nameOffset, int nameLength, boolean escaped) {
        if (nameLength > alias.length) {
            alias = Arrays.copyOf(alias, Math.max(nameLength, alias.length * 2));
        }
        int length;
        if (escaped) {
            length = JsonStrings.unescape(buffer, nameOffset, nameOffset + nameLength, alias, 0);
        } else {
            buffer.getBytes(nameOffset, alias, 0, nameLength);
            length = nameLength;
        }
        return fields.slotOf(alias, 0, stripSpaces(alias, 0, length));
    }

    private boolean nameIs(int offset, int length, byte[] name) {
        if (length != name.length) {
            return false;
        }
        final byte[] bytes = path;
        for (int i = 0; i < length; i++) {
            if (bytes[offset + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** Removes spaces in place from {@code bytes[at, at + length)}; returns the new length. */
    private static int stripSpaces(byte[] bytes, int at, int length) {
        int out = at;
        final int end = at + length;
        for (int i = at; i < end; i++) {
            byte c = bytes[i];
            if (c != ' ') {
                bytes[out++] = c;
            }
        }
        return out - at;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
