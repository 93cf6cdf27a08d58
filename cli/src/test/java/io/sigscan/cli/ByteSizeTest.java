package io.sigscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

class ByteSizeTest {

    @Test
    void readsDecimalAndBinaryUnitsAndBareBytes() {
        assertEquals(10_000_000_000L, ByteSize.parse("10GB"));
        assertEquals(20_000_000L, ByteSize.parse("20mb"));
        assertEquals(1_500_000L, ByteSize.parse("1.5 MB"));
        assertEquals(64_000L, ByteSize.parse("64KB"));
        assertEquals(1L << 30, ByteSize.parse("1GiB"));
        assertEquals(4096L, ByteSize.parse("4096"));
        assertEquals(4096L, ByteSize.parse("4096 bytes"));
        assertEquals(7L, ByteSize.parse("7B"));
    }

    @Test
    void refusesWhatIsNotASize() {
        assertEquals("'10XB' is not a size: expected a number and a unit such as 10GB, 500MB, 64KiB or 4096 (bytes)",
                assertThrows(TypeConversionException.class, () -> ByteSize.parse("10XB")).getMessage());
        assertThrows(TypeConversionException.class, () -> ByteSize.parse("GB"));
        assertThrows(TypeConversionException.class, () -> ByteSize.parse("-5MB"));
        assertEquals("'0' is not a size between 1 byte and 4 EB",
                assertThrows(TypeConversionException.class, () -> ByteSize.parse("0")).getMessage());
    }
}
