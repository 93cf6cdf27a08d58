package io.sigscan.engine.evtx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes small, valid EVTX files for tests: a file header, then chunks of records whose Binary XML is a
 * template instance with an inline template definition (elements with dependency identifiers, inline names)
 * and a substitution array for the typed values. Checksums are computed, so tests can damage them on purpose.
 */
final class EvtxBuilder {
    private final List<List<byte[]>> chunks = new ArrayList<>();
    private long nextRecordId = 1;

    /** XML node of a record under construction. */
    sealed interface Node permits Element, Text, Value, Nested {
    }

    record Element(String name, List<Attribute> attributes, List<Node> children) implements Node {
    }

    record Attribute(String name, Node value) {
    }

    /** Literal text in the template. */
    record Text(String text) implements Node {
    }

    /** A substitution value of a Binary XML type; {@code optional} uses the optional-substitution token. */
    record Value(int type, byte[] bytes, boolean optional) implements Node {
    }

    /** A substitution value of type Binary XML (0x21): a fragment holding the element, parsed in place. */
    record Nested(Element element) implements Node {
    }

    static Nested nested(Element element) {
        return new Nested(element);
    }

    static Element element(String name, Object... parts) {
        final List<Attribute> attributes = new ArrayList<>();
        final List<Node> children = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Attribute a) {
                attributes.add(a);
            } else {
                children.add((Node) part);
            }
        }
        return new Element(name, attributes, children);
    }

    static Attribute attribute(String name, Node value) {
        return new Attribute(name, value);
    }

    static Text text(String text) {
        return new Text(text);
    }

    static Value string(String value) {
        return new Value(ValueType.STRING, utf16(value + "\0"), false);
    }

    static Value value(int type, byte[] bytes) {
        return new Value(type, bytes, false);
    }

    static Value optionalNull() {
        return new Value(ValueType.NULL, new byte[0], true);
    }

    static Value u16(int value) {
        return new Value(ValueType.UINT16, le(2, value), false);
    }

    static Value u32(long value) {
        return new Value(ValueType.UINT32, le(4, value), false);
    }

    static Value hex64(long value) {
        return new Value(ValueType.HEX_INT64, le(8, value), false);
    }

    static Value filetime(long ticks) {
        return new Value(ValueType.FILETIME, le(8, ticks), false);
    }

    /** The usual Event/System/EventData skeleton with an EventID, a channel, a provider and named data. */
    static Element event(int eventId, String channel, Object... eventData) {
        return element("Event", attribute("xmlns", text("http://schemas.microsoft.com/win/2004/08/events/event")),
                element("System",
                        element("Provider", attribute("Name", string("Test-Provider"))),
                        element("EventID", u16(eventId)),
                        element("TimeCreated", attribute("SystemTime", filetime(133_000_000_000_000_000L))),
                        element("Channel", string(channel)),
                        element("Computer", text("host"))),
                element("EventData", eventData));
    }

    static Element data(String name, Node value) {
        return element("Data", attribute("Name", text(name)), value);
    }

    /** Adds a record to the current chunk, starting a new chunk when it is full. */
    EvtxBuilder record(Element root) {
        if (chunks.isEmpty()) {
            chunks.add(new ArrayList<>());
        }
        final long id = nextRecordId++;
        byte[] record = record(id, binXml(root, used(chunks.get(chunks.size() - 1)) + 24));
        if (used(chunks.get(chunks.size() - 1)) + record.length > EvtxFile.CHUNK_SIZE) {
            chunks.add(new ArrayList<>());
            record = record(id, binXml(root, 512 + 24));
        }
        chunks.get(chunks.size() - 1).add(record);
        return this;
    }

    /**
     * Adds a record whose Binary XML is given as is; {@code binXml} receives the chunk offset where it will
     * start, so it can point at itself.
     */
    EvtxBuilder rawRecord(java.util.function.IntFunction<byte[]> binXml) {
        if (chunks.isEmpty()) {
            chunks.add(new ArrayList<>());
        }
        chunks.get(chunks.size() - 1).add(record(nextRecordId++, binXml.apply(used(chunks.get(chunks.size() - 1)) + 24)));
        return this;
    }

    /** Ends the current chunk; the next record starts a new one. */
    EvtxBuilder newChunk() {
        chunks.add(new ArrayList<>());
        return this;
    }

    private static int used(List<byte[]> records) {
        int used = 512;
        for (byte[] r : records) {
            used += r.length;
        }
        return used;
    }

    byte[] build() {
        final ByteBuffer file = ByteBuffer.allocate(EvtxFile.HEADER_BLOCK_SIZE + chunks.size() * EvtxFile.CHUNK_SIZE)
                .order(ByteOrder.LITTLE_ENDIAN);
        file.put("ElfFile\0".getBytes(StandardCharsets.US_ASCII));
        file.putLong(8, 0).putLong(16, Math.max(0, chunks.size() - 1)).putLong(24, nextRecordId);
        file.putInt(32, 128).putShort(36, (short) 1).putShort(38, (short) 3).putShort(40, (short) 0x1000);
        file.putShort(42, (short) chunks.size());
        file.putInt(124, crc(file.array(), 0, 120));
        long firstRecord = 1;
        for (int c = 0; c < chunks.size(); c++) {
            final int base = EvtxFile.HEADER_BLOCK_SIZE + c * EvtxFile.CHUNK_SIZE;
            final List<byte[]> records = chunks.get(c);
            int position = base + 512;
            int lastOffset = 0;
            for (byte[] record : records) {
                lastOffset = position - base;
                file.put(position, record);
                position += record.length;
            }
            file.put(base, "ElfChnk\0".getBytes(StandardCharsets.US_ASCII));
            final long last = firstRecord + records.size() - 1;
            file.putLong(base + 8, firstRecord).putLong(base + 16, last).putLong(base + 24, firstRecord).putLong(base + 32, last);
            file.putInt(base + 40, 128).putInt(base + 44, lastOffset).putInt(base + 48, position - base);
            file.putInt(base + 52, crc(file.array(), base + 512, position - base - 512));
            final CRC32 header = new CRC32();
            header.update(file.array(), base, 120);
            header.update(file.array(), base + 128, 384);
            file.putInt(base + 124, (int) header.getValue());
            firstRecord = last + 1;
        }
        return file.array();
    }

    static int crc(byte[] bytes, int offset, int length) {
        final CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** Rewrites the chunk checksums of a built file, after a test changed bytes it wants read as valid. */
    static void fixChecksums(byte[] file, int chunk) {
        final ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        final int base = EvtxFile.HEADER_BLOCK_SIZE + chunk * EvtxFile.CHUNK_SIZE;
        buffer.putInt(base + 52, crc(file, base + 512, buffer.getInt(base + 48) - 512));
        final CRC32 header = new CRC32();
        header.update(file, base, 120);
        header.update(file, base + 128, 384);
        buffer.putInt(base + 124, (int) header.getValue());
    }

    private static byte[] record(long id, byte[] binXml) {
        final int size = 24 + binXml.length + 4;
        final ByteBuffer record = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(0x00002a2a).putInt(size).putLong(id).putLong(133_000_000_000_000_000L + id);
        record.put(binXml).putInt(size);
        return record.array();
    }

    /**
     * Record Binary XML: fragment header, template instance with its definition inline, substitution array.
     * Name and definition offsets are chunk-relative, so the Binary XML is laid out for its place, {@code start}.
     */
    private static byte[] binXml(Element root, int start) {
        final List<Node> values = new ArrayList<>();
        final Out out = new Out(start);
        out.bytes(0x0f, 0x01, 0x01, 0x00);
        out.byte_(0x0c).byte_(0x01).u32(0x1234);
        final int definitionOffset = out.chunkOffset() + 4;
        out.u32(definitionOffset);
        out.u32(0);
        out.raw(new byte[16]);
        final int sizeAt = out.size();
        out.u32(0);
        final int bodyStart = out.size();
        out.bytes(0x0f, 0x01, 0x01, 0x00);
        element(out, root, values);
        out.byte_(0x00);
        out.patch32(sizeAt, out.size() - bodyStart);
        out.u32(values.size());
        for (Node v : values) {
            if (v instanceof Value value) {
                out.u16(value.bytes().length).byte_(value.type()).byte_(0);
            } else {
                out.u16(fragment(((Nested) v).element(), 0).length).byte_(ValueType.BINXML).byte_(0);
            }
        }
        for (Node v : values) {
            // A nested fragment holds chunk-relative name offsets, so it is laid out for where it lands.
            out.raw(v instanceof Value value ? value.bytes() : fragment(((Nested) v).element(), out.chunkOffset()));
        }
        return out.toArray();
    }

    /** A stand-alone Binary XML fragment (fragment header, element, end of fragment) without substitutions. */
    private static byte[] fragment(Element element, int start) {
        final List<Node> values = new ArrayList<>();
        final Out out = new Out(start);
        out.bytes(0x0f, 0x01, 0x01, 0x00);
        element(out, element, values);
        out.byte_(0x00);
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("a nested fragment cannot hold substitutions");
        }
        return out.toArray();
    }

    private static void element(Out out, Element element, List<Node> values) {
        final boolean hasAttributes = !element.attributes().isEmpty();
        out.byte_(hasAttributes ? 0x41 : 0x01).u16(0xffff);
        final int sizeAt = out.size();
        out.u32(0);
        out.inlineName(element.name());
        int attributeSizeAt = -1;
        if (hasAttributes) {
            attributeSizeAt = out.size();
            out.u32(0);
        }
        final int attributesStart = out.size();
        for (int i = 0; i < element.attributes().size(); i++) {
            final Attribute a = element.attributes().get(i);
            out.byte_(i + 1 < element.attributes().size() ? 0x46 : 0x06);
            out.inlineName(a.name());
            content(out, a.value(), values);
        }
        if (hasAttributes) {
            out.patch32(attributeSizeAt, out.size() - attributesStart);
        }
        if (element.children().isEmpty()) {
            out.byte_(0x03);
        } else {
            out.byte_(0x02);
            for (Node child : element.children()) {
                if (child instanceof Element e) {
                    element(out, e, values);
                } else {
                    content(out, child, values);
                }
            }
            out.byte_(0x04);
        }
        out.patch32(sizeAt, out.size() - sizeAt - 4);
    }

    private static void content(Out out, Node node, List<Node> values) {
        if (node instanceof Text t) {
            out.byte_(0x05).byte_(ValueType.STRING).u16(t.text().length()).raw(utf16(t.text()));
        } else if (node instanceof Value v) {
            out.byte_(v.optional() ? 0x0e : 0x0d).u16(values.size()).byte_(v.type());
            values.add(v);
        } else if (node instanceof Nested n) {
            out.byte_(0x0d).u16(values.size()).byte_(ValueType.BINXML);
            values.add(n);
        } else {
            throw new IllegalArgumentException("not content: " + node);
        }
    }

    static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }

    static byte[] le(int size, long value) {
        final byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Growing little-endian output that knows its chunk-relative position. */
    private static final class Out {
        private byte[] bytes = new byte[256];
        private int size;
        private final int chunkBase;

        Out(int chunkBase) {
            this.chunkBase = chunkBase;
        }

        int size() {
            return size;
        }

        int chunkOffset() {
            return chunkBase + size;
        }

        Out byte_(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
            return this;
        }

        Out bytes(int... values) {
            for (int v : values) {
                byte_(v);
            }
            return this;
        }

        Out u16(int value) {
            return raw(le(2, value));
        }

        Out u32(long value) {
            return raw(le(4, value));
        }

        Out raw(byte[] data) {
            ensure(data.length);
            System.arraycopy(data, 0, bytes, size, data.length);
            size += data.length;
            return this;
        }

        void patch32(int at, int value) {
            System.arraycopy(le(4, value), 0, bytes, at, 4);
        }

        /** A name reference pointing just past itself, followed by the name structure. */
        void inlineName(String name) {
            u32(chunkOffset() + 4);
            u32(0).u16(0).u16(name.length()).raw(utf16(name)).u16(0);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
            }
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
