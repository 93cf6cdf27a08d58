package io.sigscan.rules.load;

import io.sigscan.rules.model.Location;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one rule file as strict UTF-8, refusing files over the size limit. */
final class RuleFileReader {

    static final int MAX_FILE_BYTES = 8 * 1024 * 1024;

    private RuleFileReader() {
    }

    /** The file's text without a byte-order mark, or null after reporting why it cannot be had. */
    static String read(Path path, ProblemSink sink) {
        String name = path.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException | SecurityException e) {
            sink.error(new Location(name, 0, 0), ProblemKind.IO, "cannot read rule file: " + describe(e));
            return null;
        }
        if (bytes.length > MAX_FILE_BYTES) {
            sink.error(new Location(name, 0, 0), ProblemKind.IO, "rule file is larger than "
                    + MAX_FILE_BYTES + " bytes (8 MiB); rule files are small, this is not one");
            return null;
        }
        return decode(name, bytes, sink);
    }

    static String decode(String name, byte[] bytes, ProblemSink sink) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            sink.error(locationOf(name, bytes, offset), ProblemKind.ENCODING, String.format(
                    "invalid UTF-8 byte 0x%02x at byte offset %d; rule files must be UTF-8", bytes[offset] & 0xff, offset));
            return null;
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Line and column (in characters) of a byte offset whose prefix is valid UTF-8. */
    private static Location locationOf(String name, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String prefix = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        return new Location(name, line, prefix.codePointCount(0, prefix.length()) + 1);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
