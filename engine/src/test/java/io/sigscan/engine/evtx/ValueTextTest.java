package io.sigscan.engine.evtx;

import static io.sigscan.engine.evtx.EvtxBuilder.concat;
import static io.sigscan.engine.evtx.EvtxBuilder.le;
import static io.sigscan.engine.evtx.EvtxBuilder.utf16;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class ValueTextTest {

    private static String render(int type, byte[] bytes) {
        final UnsafeBuffer source = new UnsafeBuffer(concat(new byte[3], bytes));
        final UnsafeBuffer out = new UnsafeBuffer(new byte[ValueText.maxLength(bytes.length)]);
        final int end = ValueText.render(source, type, 3, bytes.length, out, 0);
        return new String(out.byteArray(), 0, end, StandardCharsets.UTF_8);
    }

    @Test
    void signedIntegersRenderInDecimal() {
        assertEquals("-1", render(ValueType.INT8, le(1, -1)));
        assertEquals("-32768", render(ValueType.INT16, le(2, Short.MIN_VALUE)));
        assertEquals("-2147483648", render(ValueType.INT32, le(4, Integer.MIN_VALUE)));
        assertEquals("-9223372036854775808", render(ValueType.INT64, le(8, Long.MIN_VALUE)));
        assertEquals("0", render(ValueType.INT32, le(4, 0)));
    }

    @Test
    void unsignedIntegersRenderInDecimalOverTheirFullRange() {
        assertEquals("255", render(ValueType.UINT8, le(1, 255)));
        assertEquals("65535", render(ValueType.UINT16, le(2, 0xffff)));
        assertEquals("4294967295", render(ValueType.UINT32, le(4, 0xffff_ffffL)));
        assertEquals("18446744073709551615", render(ValueType.UINT64, le(8, -1L)));
        assertEquals("4688", render(ValueType.UINT16, le(2, 4688)));
    }

    @Test
    void hexIntegersRenderLowerCaseWithoutPadding() {
        assertEquals("0x3e7", render(ValueType.HEX_INT32, le(4, 0x3e7)));
        assertEquals("0x0", render(ValueType.HEX_INT32, le(4, 0)));
        assertEquals("0x8000000000000000", render(ValueType.HEX_INT64, le(8, Long.MIN_VALUE)));
        assertEquals("0xffffffff", render(ValueType.SIZE_T, le(4, 0xffff_ffffL)));
    }

    @Test
    void guidsRenderUpperCaseInBraces() {
        final byte[] guid = concat(le(4, 0x5770385F), le(2, 0xC22A), le(2, 0x43E0),
                new byte[] {(byte) 0xBF, 0x4C, 0x06, (byte) 0xF5, 0x69, (byte) 0x8F, (byte) 0xFB, (byte) 0xD9});
        assertEquals("{5770385F-C22A-43E0-BF4C-06F5698FFBD9}", render(ValueType.GUID, guid));
    }

    @Test
    void sidsRenderInTheirStringForm() {
        final byte[] system = concat(new byte[] {1, 1, 0, 0, 0, 0, 0, 5}, le(4, 18));
        final byte[] user = concat(new byte[] {1, 5, 0, 0, 0, 0, 0, 5}, le(4, 21), le(4, 4230534742L),
                le(4, 2542757381L), le(4, 3142984815L), le(4, 1111));
        assertEquals("S-1-5-18", render(ValueType.SID, system));
        assertEquals("S-1-5-21-4230534742-2542757381-3142984815-1111", render(ValueType.SID, user));
    }

    @Test
    void sidWithMoreSubAuthoritiesThanBytesStopsAtTheEnd() {
        assertEquals("S-1-5-18", render(ValueType.SID, concat(new byte[] {1, 9, 0, 0, 0, 0, 0, 5}, le(4, 18))));
    }

    @Test
    void filetimeRendersAsIsoUtcWithMicroseconds() {
        // 2025-11-27T07:40:10.1653249Z in 100 ns ticks since 1601
        final long ticks = (1_764_229_210L + 11_644_473_600L) * 10_000_000L + 1_653_249L;
        assertEquals("2025-11-27T07:40:10.165324Z", render(ValueType.FILETIME, le(8, ticks)));
        assertEquals("1601-01-01T00:00:00.000000Z", render(ValueType.FILETIME, le(8, 0)));
    }

    @Test
    void systemtimeRendersAsIsoUtcWithMilliseconds() {
        final byte[] time = concat(le(2, 2026), le(2, 4), le(2, 5), le(2, 17), le(2, 4), le(2, 14), le(2, 8), le(2, 3));
        assertEquals("2026-04-17T04:14:08.003Z", render(ValueType.SYSTEMTIME, time));
    }

    @Test
    void stringsDropTrailingNulsAndWhiteSpaceButKeepLeadingOnes() {
        assertEquals(" cmd.exe /c", render(ValueType.STRING, utf16(" cmd.exe /c \r\n\0")));
        assertEquals("", render(ValueType.STRING, utf16("\0")));
    }

    @Test
    void utf16DecodesNonAsciiAndSurrogatePairsAndReplacesLoneSurrogates() {
        assertEquals("Microsoft® 😀", render(ValueType.STRING, utf16("Microsoft® 😀")));
        assertEquals("a\uFFFDb", render(ValueType.STRING, concat(utf16("a"), le(2, 0xD800), utf16("b"))));
    }

    @Test
    void ansiStringsAreLatin1UpToTheFirstNul() {
        assertEquals("café", render(ValueType.ANSI_STRING, new byte[] {'c', 'a', 'f', (byte) 0xe9, 0, 'x'}));
    }

    @Test
    void booleansBinaryAndRealsRenderAsText() {
        assertEquals("true", render(ValueType.BOOL, le(4, 1)));
        assertEquals("false", render(ValueType.BOOL, le(4, 0)));
        assertEquals("00FF10", render(ValueType.BINARY, new byte[] {0, (byte) 0xff, 0x10}));
        assertEquals("1.5", render(ValueType.REAL64, le(8, Double.doubleToLongBits(1.5))));
        assertEquals("0.25", render(ValueType.REAL32, le(4, Float.floatToIntBits(0.25f))));
    }

    @Test
    void valuesShorterThanTheirTypeRenderAsNothing() {
        assertEquals("", render(ValueType.UINT32, new byte[2]));
        assertEquals("", render(ValueType.GUID, new byte[15]));
        assertEquals("", render(ValueType.FILETIME, new byte[7]));
    }

    @Test
    void arraysSplitIntoElementsWalkedInOrder() {
        final UnsafeBuffer strings = new UnsafeBuffer(utf16("ab\0\0c"));
        final int end = strings.capacity();
        assertEquals(3, ValueText.arrayCount(strings, ValueType.STRING, 0, end));
        assertEquals(6, ValueText.elementEnd(strings, ValueType.STRING, 0, end));
        assertEquals(4, ValueText.elementLength(strings, ValueType.STRING, 0, 6));
        assertEquals(8, ValueText.elementEnd(strings, ValueType.STRING, 6, end), "the empty middle string");
        assertEquals(0, ValueText.elementLength(strings, ValueType.STRING, 6, 8));
        assertEquals(end, ValueText.elementEnd(strings, ValueType.STRING, 8, end), "an unterminated last string");
        assertEquals(end, ValueText.elementEnd(strings, ValueType.STRING, end, end), "nothing left");

        final UnsafeBuffer numbers = new UnsafeBuffer(concat(le(2, 1), le(2, 2), new byte[1]));
        assertEquals(2, ValueText.arrayCount(numbers, ValueType.UINT16, 0, numbers.capacity()));
        assertEquals(4, ValueText.elementEnd(numbers, ValueType.UINT16, 4, numbers.capacity()), "a partial element is no element");
    }
}
