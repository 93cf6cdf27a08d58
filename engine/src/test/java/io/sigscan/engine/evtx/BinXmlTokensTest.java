package io.sigscan.engine.evtx;

import static io.sigscan.engine.evtx.EvtxBuilder.le;
import static io.sigscan.engine.evtx.EvtxBuilder.utf16;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.sigscan.rules.event.FieldTable;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Records written without a template, as EVTX 3.2 logs hold them: elements without dependency identifiers,
 * names inline, and the rarer tokens (CDATA, character and entity references, processing instructions).
 */
class BinXmlTokensTest {

    /** Raw Binary XML laid out for a known chunk offset, so inline names can point at themselves. */
    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final int start;

        Writer(int start) {
            this.start = start;
        }

        Writer bytes(int... values) {
            for (int v : values) {
                out.write(v);
            }
            return this;
        }

        Writer raw(byte[] data) {
            out.writeBytes(data);
            return this;
        }

        Writer name(String name) {
            raw(le(4, start + out.size() + 4));
            return raw(le(4, 0)).raw(le(2, 0)).raw(le(2, name.length())).raw(utf16(name)).raw(le(2, 0));
        }

        /** Open-start-element without a dependency identifier; the data size is not checked by readers. */
        Writer open(String name, boolean attributes) {
            bytes(attributes ? 0x41 : 0x01).raw(le(4, 0)).name(name);
            return attributes ? raw(le(4, 0)) : this;
        }

        Writer text(String text) {
            return bytes(0x05, 0x01).raw(le(2, text.length())).raw(utf16(text));
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }

    private static byte[] record(int start) {
        return new Writer(start)
                .bytes(0x0f, 1, 1, 0)
                .open("Event", false).bytes(0x02)
                .open("System", false).bytes(0x02)
                .open("EventID", false).bytes(0x02).text("4104").bytes(0x04)
                .bytes(0x04)
                .open("EventData", false).bytes(0x02)
                .open("Data", true).bytes(0x06).name("Name").text("Script Block Text").bytes(0x02)
                .bytes(0x07).raw(le(2, 3)).raw(utf16("x<y"))
                .bytes(0x08).raw(le(2, 'A'))
                .bytes(0x09).name("amp")
                .bytes(0x09).name("nbsp")
                .bytes(0x04)
                .bytes(0x0a).name("target").bytes(0x0b).raw(le(2, 4)).raw(utf16("data"))
                .bytes(0x04)
                .bytes(0x04)
                .bytes(0x00)
                .toArray();
    }

    @Test
    void untemplatedRecordsWithCdataReferencesAndProcessingInstructionsRead() {
        final byte[] file = new EvtxBuilder().rawRecord(BinXmlTokensTest::record).build();
        final FieldTable.Builder builder = FieldTable.builder();
        final int eventId = builder.add("EventID");
        final int script = builder.add("ScriptBlockText");
        final FieldTable fields = builder.build();
        final List<String> values = new ArrayList<>();
        final List<String> json = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        EvtxFile.read("raw.evtx", new UnsafeBuffer(file), fields, view -> {
            for (int slot : new int[] {eventId, script}) {
                final byte[] bytes = new byte[view.valueLength(slot, 0)];
                view.valueBuffer(slot, 0).getBytes(view.valueOffset(slot, 0), bytes);
                values.add(new String(bytes, StandardCharsets.UTF_8));
            }
            json.add(view.toJson());
        }, problem -> problems.add(problem.toString()));

        assertEquals(List.of(), problems);
        assertEquals(List.of("4104", "x<yA&&nbsp;"), values);
        assertEquals(List.of("{\"Event\":{\"System\":{\"EventID\":\"4104\"},"
                + "\"EventData\":{\"Script Block Text\":\"x<yA&&nbsp;\"}}}"), json);
    }
}
