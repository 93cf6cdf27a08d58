package io.sigscan.rules.load;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class YamlDocumentSplitterTest {

    @Test
    void textWithoutMarkersIsOnePiece() {
        assertEquals(List.of(new YamlDocumentSplitter.Segment("a: 1\n", 0)), YamlDocumentSplitter.segments("a: 1\n"));
    }

    @Test
    void cutsBeforeEachDocumentStartLineAndKeepsLineNumbers() {
        assertEquals(List.of(
                        new YamlDocumentSplitter.Segment("a: 1\n", 0),
                        new YamlDocumentSplitter.Segment("---\nb: 2\n", 1),
                        new YamlDocumentSplitter.Segment("--- !tag\nc: 3", 3)),
                YamlDocumentSplitter.segments("a: 1\n---\nb: 2\n--- !tag\nc: 3"));
    }

    @Test
    void dashesThatDoNotStartADocumentStayInside() {
        String text = "a: ---x\nb: |\n  ---\n----\n";
        assertEquals(List.of(new YamlDocumentSplitter.Segment(text, 0)), YamlDocumentSplitter.segments(text));
    }

    @Test
    void directivesMoveWithTheFollowingDocument() {
        assertEquals(List.of(
                        new YamlDocumentSplitter.Segment("a: 1\n", 0),
                        new YamlDocumentSplitter.Segment("%YAML 1.1\n%TAG ! tag:x,2000:\n---\nb: 2\n", 1)),
                YamlDocumentSplitter.segments("a: 1\n%YAML 1.1\n%TAG ! tag:x,2000:\n---\nb: 2\n"));
    }

    @Test
    void crlfLineEndsAreDocumentStartsToo() {
        assertEquals(2, YamlDocumentSplitter.segments("a: 1\r\n---\r\nb: 2\r\n").size());
    }
}
