package io.sigscan.engine.evtx;

import java.nio.ByteOrder;
import java.util.Arrays;

import org.agrona.DirectBuffer;

/**
 * Parses one record's Binary XML into an {@link EventTree}. Template definitions are walked in place where they
 * live in the chunk (the chunk is mapped, so a walk costs what a cached copy would), with the instance's
 * substitution values kept on a small stack; nested Binary XML values are parsed recursively. Every offset read
 * from the input is checked against the chunk or the record, recursion is bounded by depth and total work by a
 * token budget, so a hostile record fails with a reason instead of reading out of bounds or hanging.
 */
final class BinXmlParser {
    static final int MAX_DEPTH = 64;
    /** Real records take a few hundred tokens; this bounds the work a template bomb can cause per record. */
    static final int TOKEN_BUDGET = 50_000;

    private static final int FAILED = -1;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private DirectBuffer buffer;
    private int chunkStart;
    private int chunkEnd;
    private EventTree tree;
    private int budget;

    private int[] subType = new int[64];
    private int[] subOffset = new int[64];
    private int[] subLength = new int[64];
    private int subTop;

    private String failure;
    private int failureOffset;

    /**
     * Parses the Binary XML in {@code [start, end)} of a record of the chunk at {@code [chunkStart, chunkEnd)}.
     * Returns false when the record is malformed; {@link #failure()} then says why and where.
     */
    boolean parse(DirectBuffer buffer, int chunkStart, int chunkEnd, int start, int end, EventTree tree) {
        this.buffer = buffer;
        this.chunkStart = chunkStart;
        this.chunkEnd = chunkEnd;
        this.tree = tree;
        this.budget = TOKEN_BUDGET;
        this.subTop = 0;
        this.failure = null;
        tree.reset();
        return content(start, end, 0, 0, 0, 0, false) != FAILED;
    }

    String failure() {
        return failure;
    }

    int failureOffset() {
        return failureOffset;
    }

    private int fail(int offset, String reason) {
        if (failure == null) {
            failure = reason;
            failureOffset = offset;
        }
        return FAILED;
    }

    private int u8(int offset) {
        return buffer.getByte(offset) & 0xff;
    }

    private int u16(int offset) {
        return buffer.getShort(offset, LE) & 0xffff;
    }

    private long u32(int offset) {
        return buffer.getInt(offset, LE) & 0xffff_ffffL;
    }

    /** Tokens until the end of the range, an end-of-fragment token (consumed) or an end-element token (not). */
    private int content(int start, int end, int parent, int depth, int subBase, int subCount, boolean inTemplate) {
        int p = start;
        while (p < end) {
            if (--budget < 0) {
                return fail(p, "record too complex (more than " + TOKEN_BUDGET + " Binary XML tokens)");
            }
            final int token = u8(p);
            switch (token & 0xbf) {
                case 0x00:
                    return p + 1;
                case 0x0f:
                    p += 4;
                    break;
                case 0x0c:
                    p = templateInstance(p, end, parent, depth);
                    break;
                case 0x01:
                    p = element(p, end, parent, depth + 1, subBase, subCount, inTemplate);
                    break;
                case 0x04:
                    return p;
                case 0x05: case 0x07: case 0x08: case 0x09: case 0x0d: case 0x0e:
                    p = value(p, end, parent, depth, subBase, subCount, false);
                    break;
                case 0x0a:
                    p = skipName(p + 1, end);
                    break;
                case 0x0b:
                    p = p + 3 > end ? fail(p, "truncated processing instruction") : p + 3 + 2 * u16(p + 1);
                    break;
                default:
                    return fail(p, "unknown Binary XML token 0x" + Integer.toHexString(token));
            }
            if (p == FAILED) {
                return FAILED;
            }
        }
        return p > end ? fail(end, "token runs past the end of its fragment") : p;
    }

    private int element(int start, int end, int parent, int depth, int subBase, int subCount, boolean inTemplate) {
        if (depth > MAX_DEPTH) {
            return fail(start, "elements nested deeper than " + MAX_DEPTH);
        }
        if (start + 9 > end) {
            return fail(start, "truncated element");
        }
        final boolean hasAttributes = (u8(start) & 0x40) != 0;
        final int headerSize = elementHeaderSize(start, end, inTemplate);
        if (start + headerSize > end) {
            return fail(start, "truncated element");
        }
        final int nameOffset = name(start + headerSize - 4);
        if (nameOffset == FAILED) {
            return FAILED;
        }
        int p = skipInlineName(start + headerSize, start + headerSize - 4, end);
        if (p == FAILED) {
            return FAILED;
        }
        final int node = tree.addElement(parent, nameOffset);
        if (hasAttributes) {
            p += 4;
            while (p < end && (u8(p) & 0xbf) == 0x06) {
                if (p + 5 > end) {
                    return fail(p, "truncated attribute");
                }
                final int attributeName = name(p + 1);
                if (attributeName == FAILED) {
                    return FAILED;
                }
                p = skipInlineName(p + 5, p + 1, end);
                final int attribute = tree.addAttribute(node, attributeName);
                while (p != FAILED && p < end && isValueToken(u8(p))) {
                    p = value(p, end, attribute, depth, subBase, subCount, true);
                }
                if (p == FAILED) {
                    return FAILED;
                }
                if (tree.firstChild[attribute] == EventTree.NONE) {
                    tree.removeLastChild(node, attribute);
                }
            }
        }
        if (p >= end) {
            return fail(start, "truncated element");
        }
        final int token = u8(p);
        if (token == 0x03) {
            return p + 1;
        }
        if (token != 0x02) {
            return fail(p, "expected the end of a start element, found token 0x" + Integer.toHexString(token));
        }
        p = content(p + 1, end, node, depth, subBase, subCount, inTemplate);
        if (p == FAILED) {
            return FAILED;
        }
        if (p >= end || u8(p) != 0x04) {
            return fail(start, "element without end");
        }
        return p + 1;
    }

    /**
     * Size of an element's start: 11 bytes with the 2-byte dependency identifier that elements of template
     * definitions carry, 9 without it, as in records written without a template (EVTX 3.2 logs hold such
     * records). A name stored inline right after the header settles it; otherwise the layout expected here is
     * kept when its name reference is plausible, else the other one.
     */
    private int elementHeaderSize(int start, int end, boolean inTemplate) {
        if (start + 11 <= end && chunkStart + u32(start + 7) == start + 11) {
            return 11;
        }
        if (chunkStart + u32(start + 5) == start + 9) {
            return 9;
        }
        final int preferred = inTemplate ? 11 : 9;
        final int other = 20 - preferred;
        if (start + preferred <= end && plausibleNameBefore(start + preferred - 4, start)) {
            return preferred;
        }
        return start + other <= end && plausibleNameBefore(start + other - 4, start) ? other : preferred;
    }

    /** Whether the reference at {@code at} points at a whole name structure in the chunk, before {@code limit}. */
    private boolean plausibleNameBefore(int at, int limit) {
        final long absolute = chunkStart + u32(at);
        return absolute >= chunkStart + 0x80 && absolute + 8 <= limit
                && absolute + 8 + 2L * u16((int) absolute + 6) <= chunkEnd;
    }

    private static boolean isValueToken(int token) {
        switch (token & 0xbf) {
            case 0x05: case 0x07: case 0x08: case 0x09: case 0x0d: case 0x0e:
                return true;
            default:
                return false;
        }
    }

    private int value(int start, int end, int owner, int depth, int subBase, int subCount, boolean inAttribute) {
        final int token = u8(start) & 0xbf;
        switch (token) {
            case 0x05: {
                if (start + 4 > end) {
                    return fail(start, "truncated value");
                }
                final int length = 2 * u16(start + 2);
                if (start + 4 + length > end) {
                    return fail(start, "value runs past its fragment");
                }
                tree.addValue(owner, ValueType.STRING, start + 4, length);
                return start + 4 + length;
            }
            case 0x07: {
                if (start + 3 > end) {
                    return fail(start, "truncated CDATA");
                }
                final int length = 2 * u16(start + 1);
                if (start + 3 + length > end) {
                    return fail(start, "CDATA runs past its fragment");
                }
                tree.addValue(owner, ValueType.STRING, start + 3, length);
                return start + 3 + length;
            }
            case 0x08:
                if (start + 3 > end) {
                    return fail(start, "truncated character reference");
                }
                tree.addValue(owner, ValueType.CHAR_REF, start + 1, 2);
                return start + 3;
            case 0x09: {
                if (start + 5 > end) {
                    return fail(start, "truncated entity reference");
                }
                final int entityName = name(start + 1);
                if (entityName == FAILED) {
                    return FAILED;
                }
                tree.addValue(owner, ValueType.ENTITY_REF, entityName, 0);
                return skipInlineName(start + 5, start + 1, end);
            }
            default:
                return substitution(start, end, owner, depth, subBase, subCount, inAttribute);
        }
    }

    private int substitution(int start, int end, int owner, int depth, int subBase, int subCount, boolean inAttribute) {
        if (start + 4 > end) {
            return fail(start, "truncated substitution");
        }
        final int index = u16(start + 1);
        if (index >= subCount) {
            // A reference past the instance's values renders as nothing, as Windows does for missing values.
            return start + 4;
        }
        final int type = subType[subBase + index];
        final int offset = subOffset[subBase + index];
        final int length = subLength[subBase + index];
        if (type == ValueType.NULL) {
            return start + 4;
        }
        if (type == ValueType.BINXML && !inAttribute) {
            if (depth + 1 > MAX_DEPTH) {
                return fail(start, "Binary XML nested deeper than " + MAX_DEPTH);
            }
            final int saved = subTop;
            final int parsed = content(offset, offset + length, owner, depth + 1, 0, 0, false);
            subTop = saved;
            return parsed == FAILED ? FAILED : start + 4;
        }
        tree.addValue(owner, type, offset, length);
        return start + 4;
    }

    private int templateInstance(int start, int end, int parent, int depth) {
        if (depth + 1 > MAX_DEPTH) {
            return fail(start, "templates nested deeper than " + MAX_DEPTH);
        }
        if (start + 10 > end) {
            return fail(start, "truncated template instance");
        }
        final long definitionOffset = u32(start + 6);
        final long definition = chunkStart + definitionOffset;
        if (definitionOffset < 0x80 || definition + 24 > chunkEnd) {
            return fail(start, "template definition offset " + definitionOffset + " outside the chunk");
        }
        final int body = (int) definition + 24;
        final long bodyLength = u32((int) definition + 20);
        if (body + bodyLength > chunkEnd) {
            return fail(start, "template definition of " + bodyLength + " bytes runs past the chunk");
        }
        final int bodyEnd = body + (int) bodyLength;
        int p = start + 10;
        if (definition == p) {
            p = bodyEnd;
        }
        if (p + 4 > end) {
            return fail(p, "truncated substitution array");
        }
        final long count = u32(p);
        p += 4;
        if (count > (end - p) / 4) {
            return fail(p - 4, "substitution count " + count + " exceeds the record");
        }
        final int subCount = (int) count;
        final int subBase = subTop;
        ensureSubstitutions(subBase + subCount);
        int valueAt = p + 4 * subCount;
        for (int i = 0; i < subCount; i++) {
            final int size = u16(p + 4 * i);
            subType[subBase + i] = u8(p + 4 * i + 2);
            subOffset[subBase + i] = valueAt;
            subLength[subBase + i] = size;
            valueAt += size;
        }
        if (valueAt > end) {
            return fail(p, "substitution values run past the record");
        }
        subTop = subBase + subCount;
        final int parsed = content(body, bodyEnd, parent, depth + 1, subBase, subCount, true);
        subTop = subBase;
        return parsed == FAILED ? FAILED : valueAt;
    }

    private void ensureSubstitutions(int capacity) {
        if (capacity > subType.length) {
            int size = Math.max(capacity, subType.length * 2);
            subType = Arrays.copyOf(subType, size);
            subOffset = Arrays.copyOf(subOffset, size);
            subLength = Arrays.copyOf(subLength, size);
        }
    }

    /** Resolves the chunk-relative name offset stored at {@code at}; the name structure must lie in the chunk. */
    private int name(int at) {
        final long relative = u32(at);
        final long absolute = chunkStart + relative;
        if (relative < 0x80 || absolute + 8 > chunkEnd) {
            return fail(at, "name offset " + relative + " outside the chunk");
        }
        final long nameEnd = absolute + 8 + 2L * u16((int) absolute + 6);
        if (nameEnd > chunkEnd) {
            return fail(at, "name at offset " + relative + " runs past the chunk");
        }
        return (int) absolute;
    }

    /** Skips a name structure stored inline right after its reference (the reference then points at itself). */
    private int skipInlineName(int p, int referenceAt, int end) {
        if (chunkStart + u32(referenceAt) != p) {
            return p;
        }
        final int next = p + 8 + 2 * u16(p + 6) + 2;
        return next > end ? fail(p, "inline name runs past its fragment") : next;
    }

    private int skipName(int referenceAt, int end) {
        if (referenceAt + 4 > end) {
            return fail(referenceAt, "truncated name reference");
        }
        if (name(referenceAt) == FAILED) {
            return FAILED;
        }
        return skipInlineName(referenceAt + 4, referenceAt, end);
    }
}
