package io.sigscan.engine.evtx;

import static io.sigscan.engine.evtx.EvtxBuilder.attribute;
import static io.sigscan.engine.evtx.EvtxBuilder.data;
import static io.sigscan.engine.evtx.EvtxBuilder.element;
import static io.sigscan.engine.evtx.EvtxBuilder.event;
import static io.sigscan.engine.evtx.EvtxBuilder.hex64;
import static io.sigscan.engine.evtx.EvtxBuilder.optionalNull;
import static io.sigscan.engine.evtx.EvtxBuilder.string;
import static io.sigscan.engine.evtx.EvtxBuilder.text;
import static io.sigscan.engine.evtx.EvtxBuilder.u32;
import static io.sigscan.engine.evtx.EvtxBuilder.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sigscan.engine.ScanProblem;
import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;
import io.sigscan.rules.event.ValueKind;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class EvtxEventViewTest {

    /** Reads the built file and returns, per record, each field's values as "kind:text". */
    private static List<Map<String, List<String>>> project(byte[] file, String... fieldNames) {
        final FieldTable.Builder builder = FieldTable.builder();
        for (String name : fieldNames) {
            builder.add(name);
        }
        final FieldTable fields = builder.build();
        final List<Map<String, List<String>>> records = new ArrayList<>();
        final List<ScanProblem> problems = new ArrayList<>();
        EvtxFile.read("test.evtx", new UnsafeBuffer(file), fields, view -> {
            final Map<String, List<String>> record = new LinkedHashMap<>();
            for (int slot = 0; slot < fields.size(); slot++) {
                final List<String> values = new ArrayList<>();
                for (int i = 0; i < view.valueCount(slot); i++) {
                    values.add(kind(view.valueKind(slot, i)) + ":" + textOf(view, slot, i));
                }
                record.put(fields.name(slot), values);
            }
            records.add(record);
        }, problems::add);
        assertEquals(List.of(), problems);
        return records;
    }

    private static String textOf(EventView view, int slot, int index) {
        final byte[] bytes = new byte[view.valueLength(slot, index)];
        view.valueBuffer(slot, index).getBytes(view.valueOffset(slot, index), bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String kind(int kind) {
        return switch (kind) {
            case ValueKind.STRING -> "s";
            case ValueKind.NUMBER -> "n";
            case ValueKind.BOOLEAN -> "b";
            case ValueKind.NULL -> "null";
            default -> "structure";
        };
    }

    @Test
    void systemChildrenAreFieldsByNameAndTheirAttributesElementUnderscoreAttribute() {
        final byte[] file = new EvtxBuilder().record(event(4688, "Security")).build();

        final Map<String, List<String>> record = project(file,
                "EventID", "Channel", "Computer", "Provider_Name", "TimeCreated_SystemTime", "Provider").get(0);

        assertEquals(List.of("n:4688"), record.get("EventID"));
        assertEquals(List.of("s:Security"), record.get("Channel"));
        assertEquals(List.of("s:host"), record.get("Computer"));
        assertEquals(List.of("s:Test-Provider"), record.get("Provider_Name"));
        assertEquals(List.of("s:2022-06-18T04:26:40.000000Z"), record.get("TimeCreated_SystemTime"));
        assertEquals(List.of("structure:"), record.get("Provider"), "an element with only attributes is present");
    }

    @Test
    void namedDataElementsAreFieldsByTheirNameWithSpacesStripped() {
        final byte[] file = new EvtxBuilder().record(event(4624, "Security",
                data("Logon Type", u32(3)),
                data("TargetUserName", string("alice")),
                data("SubjectLogonId", hex64(0x3e7)))).build();

        final Map<String, List<String>> record = project(file, "LogonType", "TargetUserName", "SubjectLogonId",
                "Data", "Missing").get(0);

        assertEquals(List.of("n:3"), record.get("LogonType"));
        assertEquals(List.of("s:alice"), record.get("TargetUserName"));
        assertEquals(List.of("s:0x3e7"), record.get("SubjectLogonId"));
        assertEquals(List.of(), record.get("Data"), "named Data elements do not feed the Data field");
        assertEquals(List.of(), record.get("Missing"));
    }

    @Test
    void unnamedDataElementsAreTheValuesOfOneDataField() {
        final byte[] file = new EvtxBuilder().record(event(7045, "System",
                element("Data", string("first")), element("Data", string("second")))).build();

        assertEquals(List.of("s:first", "s:second"), project(file, "Data").get(0).get("Data"));
    }

    @Test
    void emptyDataIsPresentAsNullAndAnEmptyStringIsAnEmptyString() {
        final byte[] file = new EvtxBuilder().record(event(1, "System",
                data("Nothing", optionalNull()),
                data("Empty", value(ValueType.STRING, new byte[0])))).build();

        final Map<String, List<String>> record = project(file, "Nothing", "Empty").get(0);

        assertEquals(List.of("null:"), record.get("Nothing"));
        assertEquals(List.of("s:"), record.get("Empty"));
    }

    @Test
    void userDataChildrenAreFieldsByTheirOwnName() {
        final byte[] file = new EvtxBuilder().record(element("Event",
                element("System", element("EventID", EvtxBuilder.u16(21))),
                element("UserData", element("EventXML", attribute("xmlns", text("Event_NS")),
                        element("User", string("CORP\\bob")),
                        element("Address", string("10.0.0.5")))))).build();

        final Map<String, List<String>> record = project(file, "User", "Address", "EventXML").get(0);

        assertEquals(List.of("s:CORP\\bob"), record.get("User"));
        assertEquals(List.of("s:10.0.0.5"), record.get("Address"));
        assertEquals(List.of(), record.get("EventXML"), "the wrapper element is not a field");
    }

    @Test
    void nestedBinaryXmlValuesAreParsedInPlace() {
        final byte[] file = new EvtxBuilder().record(element("Event",
                element("System", element("EventID", EvtxBuilder.u16(5857))),
                element("UserData", EvtxBuilder.nested(element("Operation_StartedOperational",
                        element("ProviderName", text("WmiPerfClass")),
                        element("ProviderPath", text("C:\\Windows\\wbemcore.dll"))))))).build();

        final Map<String, List<String>> record = project(file, "ProviderName", "ProviderPath").get(0);

        assertEquals(List.of("s:WmiPerfClass"), record.get("ProviderName"));
        assertEquals(List.of("s:C:\\Windows\\wbemcore.dll"), record.get("ProviderPath"));
    }

    @Test
    void arrayValuesAreOneValuePerElement() {
        final byte[] strings = EvtxBuilder.utf16("a\0bc\0");
        final byte[] numbers = EvtxBuilder.concat(EvtxBuilder.le(4, 7), EvtxBuilder.le(4, 9));
        final byte[] file = new EvtxBuilder().record(event(1, "System",
                data("Names", value(ValueType.STRING | ValueType.ARRAY, strings)),
                data("Counts", value(ValueType.UINT32 | ValueType.ARRAY, numbers)))).build();

        final Map<String, List<String>> record = project(file, "Names", "Counts").get(0);

        assertEquals(List.of("s:a", "s:bc"), record.get("Names"));
        assertEquals(List.of("n:7", "n:9"), record.get("Counts"));
    }

    @Test
    void keywordsHoldEveryTextValueButNoNumbers() {
        final byte[] file = new EvtxBuilder().record(event(1, "Sec", data("CommandLine", string("whoami")),
                data("Pid", u32(42)))).build();

        final List<String> keywords = project(file).get(0).get("<keywords>");

        assertTrue(keywords.contains("s:whoami"), keywords::toString);
        assertTrue(keywords.contains("s:Sec"), keywords::toString);
        assertTrue(keywords.stream().noneMatch(k -> k.contains("42")), keywords::toString);
    }

    @Test
    void theViewIsReusedAcrossRecordsWithoutLeakingValues() {
        final byte[] file = new EvtxBuilder()
                .record(event(1, "A", data("Only", string("first"))))
                .record(event(2, "B"))
                .build();

        final List<Map<String, List<String>>> records = project(file, "Only", "EventID");

        assertEquals(List.of("s:first"), records.get(0).get("Only"));
        assertEquals(List.of(), records.get(1).get("Only"));
        assertEquals(List.of("n:2"), records.get(1).get("EventID"));
    }

    @Test
    void recordsRenderAsJsonShapedLikeTheReferenceRenderings() {
        final byte[] file = new EvtxBuilder().record(event(4688, "Security",
                data("NewProcessName", string("C:\\Windows\\cmd.exe")),
                data("Empty", optionalNull()),
                element("Data", string("x")), element("Data", string("y")))).build();
        final List<String> json = new ArrayList<>();
        final List<Long> ids = new ArrayList<>();

        EvtxFile.read("t", new UnsafeBuffer(file), FieldTable.builder().build(), view -> {
            json.add(view.toJson());
            ids.add(view.recordId());
        }, problem -> { });

        assertEquals(List.of(1L), ids);
        assertEquals("{\"Event\":{\"#attributes\":{\"xmlns\":\"http://schemas.microsoft.com/win/2004/08/events/event\"},"
                + "\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Test-Provider\"}},\"EventID\":4688,"
                + "\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2022-06-18T04:26:40.000000Z\"}},"
                + "\"Channel\":\"Security\",\"Computer\":\"host\"},"
                + "\"EventData\":{\"NewProcessName\":\"C:\\\\Windows\\\\cmd.exe\",\"Empty\":null,\"Data\":[\"x\",\"y\"]}}}",
                json.get(0));
    }
}
