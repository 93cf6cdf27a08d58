package io.sigscan.engine.evtx;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** Reads Binary XML name structures (next offset, hash, character count, UTF-16 characters) in place. */
final class Names {
    private Names() {
    }

    static int charCount(DirectBuffer buffer, int name) {
        return buffer.getShort(name + 6, ByteOrder.LITTLE_ENDIAN) & 0xffff;
    }

    /** Whether the name equals an ASCII literal, compared without decoding. */
    static boolean equalsAscii(DirectBuffer buffer, int name, String ascii) {
        final int count = charCount(buffer, name);
        if (count != ascii.length()) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (buffer.getChar(name + 8 + 2 * i, ByteOrder.LITTLE_ENDIAN) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Upper bound of the UTF-8 length of a name. */
    static int maxUtf8Length(DirectBuffer buffer, int name) {
        return 3 * charCount(buffer, name);
    }

    /** Writes the name as UTF-8 with spaces removed (field names are compared space-stripped). */
    static int writeStripped(DirectBuffer buffer, int name, MutableDirectBuffer dst, int at) {
        final int end = ValueText.utf16(buffer, name + 8, 2 * charCount(buffer, name), dst, at);
        return stripSpaces(dst, at, end);
    }

    static String toString(DirectBuffer buffer, int name) {
        final int count = charCount(buffer, name);
        final char[] chars = new char[count];
        for (int i = 0; i < count; i++) {
            chars[i] = buffer.getChar(name + 8 + 2 * i, ByteOrder.LITTLE_ENDIAN);
        }
        return new String(chars);
    }

    /** Removes spaces from {@code [start, end)} in place; returns the new end. */
    static int stripSpaces(MutableDirectBuffer buffer, int start, int end) {
        int out = start;
        for (int i = start; i < end; i++) {
            final byte b = buffer.getByte(i);
            if (b != ' ') {
                buffer.putByte(out++, b);
            }
        }
        return out;
    }
}
