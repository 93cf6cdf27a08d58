package io.sigscan.rules.compile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.event.ValueKind;

/**
 * A test event built from Java strings: every value is encoded as UTF-8 into one buffer, the way
 * a reader projects a record. Fields the table does not know are dropped, as a reader would; the
 * keyword slot receives every string value.
 */
public final class TestEvent implements EventView {
    private final FieldTable fields;
    private final List<List<int[]>> values = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);

    private TestEvent(FieldTable fields) {
        this.fields = fields;
        for (int slot = 0; slot < fields.size(); slot++) {
            values.add(new ArrayList<>());
        }
        bytes.write('#'); // values never start at offset 0, so matchers must honour offsets
    }

    public static TestEvent of(FieldTable fields) {
        return new TestEvent(fields);
    }

    /** Adds one string value (call again for an array element). */
    public TestEvent put(String field, String value) {
        add(field, ValueKind.STRING, value);
        add(null, ValueKind.STRING, value);
        return this;
    }

    public TestEvent putNumber(String field, String text) {
        return add(field, ValueKind.NUMBER, text);
    }

    public TestEvent putNull(String field) {
        return add(field, ValueKind.NULL, "");
    }

    public TestEvent putStructure(String field) {
        return add(field, ValueKind.STRUCTURE, "");
    }

    public TestEvent putValue(String field, int kind, String text) {
        return kind == ValueKind.STRING ? put(field, text) : add(field, kind, text);
    }

    private TestEvent add(String field, int kind, String text) {
        int slot = field == null ? KEYWORDS : fields.slotOf(field);
        if (slot == FieldTable.ABSENT) {
            return this;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        values.get(slot).add(new int[] {kind, bytes.size(), utf8.length});
        bytes.writeBytes(utf8);
        bytes.write('#');
        buffer = new UnsafeBuffer(bytes.toByteArray());
        return this;
    }

    @Override
    public int valueCount(int slot) {
        return values.get(slot).size();
    }

    @Override
    public int valueKind(int slot, int index) {
        return values.get(slot).get(index)[0];
    }

    @Override
    public DirectBuffer valueBuffer(int slot, int index) {
        return buffer;
    }

    @Override
    public int valueOffset(int slot, int index) {
        return values.get(slot).get(index)[1];
    }

    @Override
    public int valueLength(int slot, int index) {
        return values.get(slot).get(index)[2];
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int slot = 0; slot < values.size(); slot++) {
            for (int[] value : values.get(slot)) {
                text.append(fields.name(slot)).append('=').append(kindName(value[0])).append(':')
                        .append(buffer.getStringWithoutLengthUtf8(value[1], value[2])).append(' ');
            }
        }
        return text.append('}').toString();
    }

    private static String kindName(int kind) {
        return switch (kind) {
            case ValueKind.STRING -> "s";
            case ValueKind.NUMBER -> "n";
            case ValueKind.BOOLEAN -> "b";
            case ValueKind.NULL -> "null";
            default -> "struct";
        };
    }
}
