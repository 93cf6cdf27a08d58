package io.sigscan.engine.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Each of SigmaHQ's regression .evtx files reads into exactly the events of its .json twin, field by field.
 * Documented differences normalised here: numbers compare by their text (the twins print some integers as JSON
 * numbers), and GUID values compare without braces (the twins print GUID-typed values bare, the reader prints
 * them in braces as Windows does, which is what rules such as {@code SubcategoryGuid: '{0CCE...}'} expect).
 */
class EvtxRegressionDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The one twin that was edited by hand after export: its SystemTime has nanosecond digits a FILETIME cannot
     * hold and its ParentCommandLine differs in case from the bytes in the .evtx file.
     */
    private static final Set<String> EDITED_TWIN_DIFFERENCES = Set.of(
            "regression_data/rules/windows/process_creation/proc_creation_win_susp_right_to_left_override/"
                    + "ad691d92-15f2-4181-9aa4-723c74f9ddc3.evtx #0 /Event/System/TimeCreated/#attributes/SystemTime:"
                    + " expected \"2026-03-20T08:31:26.751156500Z\" but read \"2026-03-20T08:31:26.751156Z\"",
            "regression_data/rules/windows/process_creation/proc_creation_win_susp_right_to_left_override/"
                    + "ad691d92-15f2-4181-9aa4-723c74f9ddc3.evtx #0 /Event/EventData/ParentCommandLine:"
                    + " expected \"C:\\\\Windows\\\\Explorer.exe\" but read \"C:\\\\Windows\\\\Explorer.EXE\"");
    private static final Pattern BRACED_GUID = Pattern.compile("\\{([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})}");

    @Test
    void everyRegressionFileReadsAsItsJsonTwin() throws IOException {
        final Path corpus = TestData.directory("sigscan.corpus");
        final List<Path> files = TestData.evtxFiles(corpus.resolve("regression_data"));
        final List<String> differences = new ArrayList<>();
        int events = 0;
        for (Path evtx : files) {
            final Path twin = evtx.resolveSibling(evtx.getFileName().toString().replaceFirst("\\.evtx$", ".json"));
            final List<JsonNode> expected = readTwin(twin);
            final TestData.Read read = TestData.read(evtx.toString(), TestData.load(evtx));
            final String name = corpus.relativize(evtx).toString();
            if (!read.problems().isEmpty()) {
                differences.add(name + ": problems " + read.problems());
            }
            if (expected.size() != read.json().size()) {
                differences.add(name + ": " + read.json().size() + " events, twin has " + expected.size());
                continue;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(name + " #" + i, expected.get(i), JSON.readTree(read.json().get(i)), "", differences);
            }
            events += expected.size();
        }
        assertTrue(differences.containsAll(EDITED_TWIN_DIFFERENCES), "the hand-edited twin still differs as documented");
        differences.removeAll(EDITED_TWIN_DIFFERENCES);
        System.out.println("regression data: " + files.size() + " files, " + events + " events compared");
        assertEquals(202, files.size(), "regression .evtx files");
        assertTrue(differences.isEmpty(), differences.size() + " differences:\n"
                + String.join("\n", differences.subList(0, Math.min(40, differences.size()))));
    }

    private static List<JsonNode> readTwin(Path twin) throws IOException {
        final List<JsonNode> events = new ArrayList<>();
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(Files.readString(twin))) {
            while (values.hasNext()) {
                events.add(values.next());
            }
        }
        return events;
    }

    private static void compare(String event, JsonNode expected, JsonNode actual, String path, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            final Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                final Map.Entry<String, JsonNode> field = fields.next();
                final JsonNode other = actual.get(field.getKey());
                if (other == null) {
                    out.add(event + " " + path + "/" + field.getKey() + ": missing");
                } else {
                    compare(event, field.getValue(), other, path + "/" + field.getKey(), out);
                }
            }
            actual.fieldNames().forEachRemaining(key -> {
                if (!expected.has(key)) {
                    out.add(event + " " + path + "/" + key + ": not in twin, value " + actual.get(key));
                }
            });
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                compare(event, expected.get(i), actual.get(i), path + "[" + i + "]", out);
            }
        } else if (expected.isValueNode() && actual.isValueNode()) {
            if (!normalised(expected).equals(normalised(actual))) {
                out.add(event + " " + path + ": expected " + expected + " but read " + actual);
            }
        } else {
            out.add(event + " " + path + ": expected " + expected + " but read " + actual);
        }
    }

    private static String normalised(JsonNode value) {
        return value.isNull() ? "<null>" : BRACED_GUID.matcher(value.asText()).replaceAll("$1");
    }
}
