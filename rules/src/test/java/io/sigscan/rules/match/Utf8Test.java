package io.sigscan.rules.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void onlyTheBytesOfDottedCapitalIAndKelvinSignMayFoldToAscii() {
        List<Integer> marked = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            if (Utf8.MAY_FOLD_TO_ASCII[b]) {
                marked.add(b);
            }
        }
        assertEquals(List.of(0x84, 0xAA, 0xB0, 0xC4, 0xE2), marked);
        assertEquals(3, Utf8.MAX_BYTES_FOLDING_TO_ONE_ASCII);
    }

    @ParameterizedTest(name = "{0} decodes to {1} in {2} bytes")
    @CsvSource(textBlock = """
            41,          65,      1
            C3A4,        228,     2
            E282AC,      8364,    3
            F09F9880,    128512,  4
            80,          -129,    1
            C0AF,        -193,    1
            E0809F,      -225,    1
            EDA080,      -238,    1
            F4908080,    -245,    1
            E282,        -227,    1
            FF,          -256,    1
            """)
    void decodesValidSequencesAndMalformedBytesOneByOne(String hex, int codePoint, int length) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        long decoded = Utf8.decode(new UnsafeBuffer(bytes), 0, bytes.length);
        assertEquals(codePoint, Utf8.codePoint(decoded));
        assertEquals(length, Utf8.length(decoded));
    }
}
