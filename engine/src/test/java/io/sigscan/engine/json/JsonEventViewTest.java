package io.sigscan.engine.json;

import static io.sigscan.engine.Fixtures.utf8;
import static io.sigscan.engine.Fixtures.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.sigscan.engine.record.RenderedEvents;
import io.sigscan.rules.event.EventView;
import io.sigscan.rules.event.FieldTable;

class JsonEventViewTest {

    private final FieldTable.Builder builder = FieldTable.builder();

    private JsonEventView parse(String json) {
        JsonEventView view = new JsonEventView(builder.build());
        UnsafeBuffer buffer = utf8(json);
        int end = view.wrap(buffer, 0, buffer.capacity());
        assertEquals(buffer.capacity(), end, () -> "parse failed: " + view.errorReason() + " at " + view.errorOffset());
        return view;
    }

    private JsonEventView parseFailing(String json) {
        JsonEventView view = new JsonEventView(builder.build());
        UnsafeBuffer buffer = utf8(json);
        assertEquals(-1, view.wrap(buffer, 0, buffer.capacity()));
        return view;
    }

    @Test
    void flatScalarsAreExposedAsTheirTextWithTheirKinds() {
        int image = builder.add("Image");
        int id = builder.add("EventID");
        int enabled = builder.add("Enabled");
        int parent = builder.add("Parent");
        int missing = builder.add("Missing");
        int ratio = builder.add("Ratio");
        JsonEventView view = parse("{\"Image\": \"C:\\\\Windows\\\\cmd.exe\", \"EventID\":4688, \"Enabled\": true,"
                + " \"Parent\": null, \"Ratio\": -1.5e+3}");
        assertEquals(List.of("STRING:C:\\Windows\\cmd.exe"), values(view, image));
        assertEquals(List.of("NUMBER:4688"), values(view, id));
        assertEquals(List.of("BOOLEAN:true"), values(view, enabled));
        assertEquals(List.of("NULL:"), values(view, parent));
        assertEquals(List.of("NUMBER:-1.5e+3"), values(view, ratio));
        assertEquals(0, view.valueCount(missing));
    }

    @Test
    void windowsEventSystemChildrenAndAttributesAreFlattened() {
        int eventId = builder.add("EventID");
        int channel = builder.add("Channel");
        int provider = builder.add("Provider_Name");
        int time = builder.add("TimeCreated_SystemTime");
        int pid = builder.add("Execution_ProcessID");
        int image = builder.add("Image");
        int fullImage = builder.add("Event.EventData.Image");
        int providerElement = builder.add("Provider");
        JsonEventView view = parse("""
                {
                  "Event": {
                    "#attributes": {"xmlns": "http://schemas.microsoft.com/win/2004/08/events/event"},
                    "System": {
                      "Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon", "Guid": "5770385F"}},
                      "EventID": 1,
                      "TimeCreated": {"#attributes": {"SystemTime": "2025-11-27T07:40:10.165324Z"}},
                      "Execution": {"#attributes": {"ProcessID": 3544, "ThreadID": 4272}},
                      "Channel": "Microsoft-Windows-Sysmon/Operational"
                    },
                    "EventData": {"Image": "C:\\\\Windows\\\\System32\\\\cmd.exe"}
                  }
                }
                """.strip());
        assertEquals(List.of("NUMBER:1"), values(view, eventId));
        assertEquals(List.of("STRING:Microsoft-Windows-Sysmon/Operational"), values(view, channel));
        assertEquals(List.of("STRING:Microsoft-Windows-Sysmon"), values(view, provider));
        assertEquals(List.of("STRING:2025-11-27T07:40:10.165324Z"), values(view, time));
        assertEquals(List.of("NUMBER:3544"), values(view, pid));
        assertEquals(List.of("STRING:C:\\Windows\\System32\\cmd.exe"), values(view, image));
        assertEquals(List.of("STRING:C:\\Windows\\System32\\cmd.exe"), values(view, fullImage));
        assertEquals(List.of("STRUCTURE:"), values(view, providerElement));
    }

    @Test
    void anElementWithTextTakesTheTextAsItsValueAndKeepsItsAttributes() {
        int eventId = builder.add("EventID");
        int qualifiers = builder.add("EventID_Qualifiers");
        JsonEventView view = parse("{\"Event\":{\"System\":{\"EventID\":{\"#attributes\":{\"Qualifiers\":16384},"
                + "\"#text\":7045}}}}");
        assertEquals(List.of("NUMBER:7045"), values(view, eventId));
        assertEquals(List.of("NUMBER:16384"), values(view, qualifiers));
    }

    @Test
    void topLevelSystemAndEventDataWithoutAnEventWrapperAreFlattenedToo() {
        int eventId = builder.add("EventID");
        int image = builder.add("Image");
        JsonEventView view = parse("{\"System\":{\"EventID\":4688},\"EventData\":{\"Image\":\"a.exe\"}}");
        assertEquals(List.of("NUMBER:4688"), values(view, eventId));
        assertEquals(List.of("STRING:a.exe"), values(view, image));
    }

    @Test
    void namedDataEntriesBecomeFieldsWhateverTheirKeyOrder() {
        int user = builder.add("SubjectUserName");
        int logonType = builder.add("LogonType");
        int empty = builder.add("Empty");
        int process = builder.add("ProcessName");
        JsonEventView view = parse("{\"Event\":{\"EventData\":{\"Data\":["
                + "{\"@Name\":\"SubjectUserName\",\"#text\":\"bob\"},"
                + "{\"#text\":3,\"Name\":\"Logon Type\"},"
                + "{\"@Name\":\"Empty\"},"
                + "{\"@Name\":\"Unreferenced\",\"#text\":\"x\"}]}}}");
        assertEquals(List.of("STRING:bob"), values(view, user));
        assertEquals(List.of("NUMBER:3"), values(view, logonType));
        assertEquals(List.of("NULL:"), values(view, empty));
        assertEquals(0, view.valueCount(process));
    }

    @Test
    void aSingleDataEntryObjectIsNamedToo() {
        int user = builder.add("TargetUserName");
        JsonEventView view = parse("{\"Event\":{\"EventData\":{\"Data\":{\"@Name\":\"TargetUserName\","
                + "\"#text\":\"al\\u0069ce\"}}}}");
        assertEquals(List.of("STRING:alice"), values(view, user));
    }

    @Test
    void userDataChildrenAreNamedByTheirOwnName() {
        int user = builder.add("SubjectUserName");
        JsonEventView view = parse("{\"Event\":{\"UserData\":{\"LogFileCleared\":{\"SubjectUserName\":\"eve\"}}}}");
        assertEquals(List.of("STRING:eve"), values(view, user));
    }

    @Test
    void nestedObjectsAreReachedByTheirDottedPath() {
        int image = builder.add("winlog.event_data.Image");
        int flatImage = builder.add("Image");
        int literalDots = builder.add("process.name");
        JsonEventView view = parse("{\"winlog\":{\"event_data\":{\"Image\":\"a.exe\"}},\"process.name\":\"b.exe\"}");
        assertEquals(List.of("STRING:a.exe"), values(view, image));
        assertEquals(0, view.valueCount(flatImage));
        assertEquals(List.of("STRING:b.exe"), values(view, literalDots));
    }

    @Test
    void arraysGiveOneValuePerElementAndArePathTransparent() {
        int tags = builder.add("Tags");
        int objects = builder.add("Objs");
        int objectX = builder.add("Objs.x");
        int empty = builder.add("Empty");
        JsonEventView view = parse("{\"Tags\":[\"a\",\"b\",null],\"Objs\":[{\"x\":1},{\"x\":2}],\"Empty\":[]}");
        assertEquals(List.of("STRING:a", "STRING:b", "NULL:"), values(view, tags));
        assertEquals(List.of("STRUCTURE:", "STRUCTURE:"), values(view, objects));
        assertEquals(List.of("NUMBER:1", "NUMBER:2"), values(view, objectX));
        assertEquals(List.of("STRUCTURE:"), values(view, empty));
    }

    @Test
    void escapesAreDecodedIncludingSurrogatePairs() {
        int simple = builder.add("simple");
        int unicode = builder.add("unicode");
        int pair = builder.add("pair");
        int lone = builder.add("lone");
        JsonEventView view = parse("{\"simple\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\",\"unicode\":\"caf\\u00e9 \\u20AC\","
                + "\"pair\":\"\\ud83d\\ude00!\",\"lone\":\"\\ud800x\\udc00\"}");
        assertEquals(List.of("STRING:\"\\/\b\f\n\r\t"), values(view, simple));
        assertEquals(List.of("STRING:café €"), values(view, unicode));
        assertEquals(List.of("STRING:\uD83D\uDE00!"), values(view, pair));
        assertEquals(List.of("STRING:\uFFFDx\uFFFD"), values(view, lone));
    }

    @Test
    void keysHaveEscapesDecodedAndSpacesStripped() {
        int logonType = builder.add("LogonType");
        int image = builder.add("Image");
        JsonEventView view = parse("{\"Logon Type\":3,\"Im\\u0061ge\":\"x\"}");
        assertEquals(List.of("NUMBER:3"), values(view, logonType));
        assertEquals(List.of("STRING:x"), values(view, image));
    }

    /**
     * Keys are copied, searched for spaces and hashed a word at a time, the parent path's words
     * hashed once per object: every key length, space position and parent length, at the end of
     * the buffer (where no whole word can be read past the key) and before padding.
     */
    @Test
    void keysFindTheirFieldsWhateverTheirLengthSpacesAndParentPath() {
        String letters = "ProcessCommandLineXYZ";
        for (String parent : List.of("", "O.", "Outer12.", "OuterOuter.Inner1234.")) {
            for (int length = 1; length <= 20; length++) {
                String field = letters.substring(0, length);
                for (int space = -1; space <= length; space++) {
                    String key = space < 0 ? field : field.substring(0, space) + " " + field.substring(space);
                    FieldTable.Builder fields = FieldTable.builder();
                    int slot = fields.add(parent + field);
                    String record = "\"" + key + "\":\"v\"";
                    String[] levels = parent.isEmpty() ? new String[0] : parent.split("\\.");
                    for (int l = levels.length - 1; l >= 0; l--) {
                        record = "\"" + levels[l] + "\":{" + record + "}";
                    }
                    record = "{" + record + "}";
                    for (String bytes : List.of(record, record + " ".repeat(16))) {
                        JsonEventView view = new JsonEventView(fields.build());
                        UnsafeBuffer buffer = utf8(bytes);
                        assertEquals(record.length(), view.wrap(buffer, 0, buffer.capacity()), bytes);
                        assertEquals(List.of("STRING:v"), values(view, slot), bytes);
                    }
                }
            }
        }
    }

    @Test
    void keywordsAreEveryStringValueButNoKeyOrNumber() {
        JsonEventView view = parse("{\"a\":\"one\",\"n\":5,\"o\":{\"b\":[\"two\",\"t\\u0068ree\"]},\"c\" : \"four\"}");
        assertEquals(List.of("STRING:one", "STRING:two", "STRING:three", "STRING:four"),
                values(view, EventView.KEYWORDS));
    }

    @Test
    void rewrappingForgetsTheValuesOfThePreviousRecord() {
        int image = builder.add("Image");
        JsonEventView view = new JsonEventView(builder.build());
        UnsafeBuffer first = utf8("{\"Image\":\"a\\u0062\"}");
        UnsafeBuffer second = utf8("{\"Other\":\"b\"}");
        view.wrap(first, 0, first.capacity());
        assertEquals(List.of("STRING:ab"), values(view, image));
        view.wrap(second, 0, second.capacity());
        assertEquals(0, view.valueCount(image));
        assertEquals(List.of("STRING:b"), values(view, EventView.KEYWORDS));
    }

    /** Accepted in a string, a raw tab is not JSON: the rendered event escapes it, compact or not. */
    @Test
    void aRawTabInAStringIsRenderedEscaped() {
        assertEquals("{\"a\":\"x\\ty\"}", compact(parse("{\"a\":\"x\ty\"}")));
        assertEquals("{\"a\":\"x\\ty\",\"b\":1}", compact(parse("{ \"a\":\t\"x\ty\",\t\"b\": 1}")));
        assertEquals("{\"a\":\"x\\ty\"}", compact(parse("{\"a\":\"x\\ty\"}")), "an escaped tab stays as it is");
    }

    @Test
    void stringsKnownToBeAsciiAreFlagged() {
        JsonEventView view = parse("{\"Image\":\"C:\\\\a.exe\",\"User\":\"Jos\u00E9\",\"n\":[\"a long ascii value\", 1, 2, 3, 4,"
                + "\"\u212A\"]}");
        List<Boolean> ascii = new java.util.ArrayList<>();
        for (int i = 0; i < view.valueCount(EventView.KEYWORDS); i++) {
            ascii.add(view.jsonTextIsAscii(EventView.KEYWORDS, i));
        }
        assertEquals(List.of(true, false, true, false), ascii);
    }

    /** Invalid UTF-8 is read (its bytes compare as they are) but written as U+FFFD, so the output stays UTF-8. */
    @Test
    void invalidUtf8IsRenderedAsReplacementCharacters() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', 'x', (byte) 0xC3, '"', ',',
            '"', 'b', '"', ':', ' ', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        UnsafeBuffer record = new UnsafeBuffer(bytes);
        JsonEventView view = new JsonEventView(builder.build());
        assertEquals(record.capacity(), view.wrap(record, 0, record.capacity()));
        // As the JDK's decoder reads it: one U+FFFD for the truncated pair, one for the surrogate.
        assertEquals(new String(bytes, StandardCharsets.UTF_8).replace(" ", ""), compact(view));
        assertEquals("{\"a\":\"x\uFFFD\",\"b\":\"\uFFFD\"}", compact(view));
    }

    private static String compact(JsonEventView view) {
        RenderedEvents out = new RenderedEvents();
        out.appendUtf8("before ");
        view.appendCompactJson(out);
        String text = out.text(0, out.length());
        assertTrue(text.startsWith("before "), text);
        return text.substring("before ".length());
    }

    @Test
    void compactJsonDropsOnlyInsignificantWhitespace() {
        JsonEventView view = parse("{\n  \"a b\" : [ 1, \"x \\\" y\" ],\r\n\t\"c\": {}\n}");
        assertEquals("{\"a b\":[1,\"x \\\" y\"],\"c\":{}}", compact(view));
    }

    @Test
    void compactJsonOfARecordWithoutWhitespaceIsItsBytesWhicheverRecordCameBefore() {
        JsonEventView view = new JsonEventView(builder.build());
        UnsafeBuffer spaced = utf8("{ \"a\" : 1 }");
        view.wrap(spaced, 0, spaced.capacity());
        assertEquals("{\"a\":1}", compact(view));
        String compact = "{\"b\":\"ä \\\" – 😀\",\"c\":[1,{}]}";
        UnsafeBuffer record = utf8("x" + compact + "\n");
        assertEquals(record.capacity() - 1, view.wrap(record, 1, record.capacity()));
        assertEquals(compact, compact(view));
        view.wrap(spaced, 0, spaced.capacity());
        assertEquals("{\"a\":1}", compact(view), "a spaced record after a compact one is compacted again");
    }

    @Test
    void brokenJsonIsRejectedWithReasonAndPosition() {
        assertError("{\"a\" 1}", JsonEventView.EXPECTED_COLON, 5);
        assertError("{\"a\":1", JsonEventView.UNEXPECTED_END, 6);
        assertError("{\"a\":\"\\x\"}", JsonEventView.BAD_ESCAPE, 6);
        assertError("{\"a\":\"\\u12G4\"}", JsonEventView.BAD_ESCAPE, 6);
        assertError("{\"a\":\"x\ny\"}", JsonEventView.CONTROL_IN_STRING, 7);
        assertError("{\"a\":01}", JsonEventView.EXPECTED_OBJECT_END, 6);
        assertError("{\"a\":-}", JsonEventView.BAD_NUMBER, 6);
        assertError("{\"a\":1.}", JsonEventView.BAD_NUMBER, 7);
        assertError("{\"a\":tru}", JsonEventView.EXPECTED_VALUE, 5);
        assertError("{\"a\":[1 2]}", JsonEventView.EXPECTED_ARRAY_END, 8);
        assertError("{a:1}", JsonEventView.EXPECTED_KEY, 1);
        assertError("{\"a\":1,}", JsonEventView.EXPECTED_KEY, 7);
    }

    @Test
    void nestingDeeperThanTheLimitIsRejectedNotOverflowingTheStack() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        JsonEventView view = parseFailing(deep);
        assertEquals(JsonEventView.TOO_DEEP, view.errorReason());
        String allowed = "{\"a\":" + "[".repeat(JsonEventView.MAX_DEPTH - 1) + "]".repeat(JsonEventView.MAX_DEPTH - 1)
                + "}";
        parse(allowed);
    }

    @Test
    void aRecordIsNotReadPastItsLimit() {
        JsonEventView view = new JsonEventView(builder.build());
        UnsafeBuffer buffer = utf8("{\"a\":\"bc\"}");
        assertEquals(-1, view.wrap(buffer, 0, 8));
        assertEquals(JsonEventView.UNEXPECTED_END, view.errorReason());
        assertEquals(8, view.errorOffset());
    }

    @Test
    void wrappingTheSameRecordAgainAllocatesNothing() {
        int image = builder.add("Image");
        int user = builder.add("SubjectUserName");
        builder.add("EventID");
        JsonEventView view = new JsonEventView(builder.build());
        UnsafeBuffer buffer = utf8("{\"Event\":{\"System\":{\"EventID\":4688,\"Provider\":{\"#attributes\":"
                + "{\"Name\":\"x\"}}},\"EventData\":{\"Data\":[{\"@Name\":\"SubjectUserName\",\"#text\":\"b\\u006fb\"}],"
                + "\"Image\":\"C:\\\\a.exe\"}}}");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long checksum = 0;
        for (int round = 0; round < 2; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 50_000; i++) {
                view.wrap(buffer, 0, buffer.capacity());
                checksum += view.valueLength(image, 0) + view.valueLength(user, 0) + view.valueCount(EventView.KEYWORDS);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (round == 1) {
                assertTrue(allocated < 50_000, "allocated " + allocated + " bytes for 50,000 records");
            }
        }
        assertTrue(checksum > 0);
    }

    private void assertError(String json, String reason, int offset) {
        JsonEventView view = parseFailing(json);
        assertEquals(reason, view.errorReason(), json);
        assertEquals(offset, view.errorOffset(), json);
    }
}
