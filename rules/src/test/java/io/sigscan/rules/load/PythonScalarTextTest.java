package io.sigscan.rules.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** YAML 1.1 numbers and booleans become the text Python's str() gives for PyYAML's value. */
class PythonScalarTextTest {

    @ParameterizedTest(name = "[{index}] int {0} -> {1}")
    @CsvSource({
            "4688, 4688",
            "0x10, 16",
            "-0x10, -16",
            "010, 8",
            "0b101, 5",
            "1_000, 1000",
            "+5, 5",
            "-0, 0",
            "0, 0",
            "190:20:30, 685230",
            "123456789012345678901234567890, 123456789012345678901234567890",
    })
    void intsAsPythonPrintsThem(String yaml, String text) {
        assertTrue(PyYamlResolver.INT.matcher(yaml).matches(), yaml + " resolves to int");
        assertEquals(text, PythonScalarText.ofInt(yaml));
    }

    @ParameterizedTest(name = "[{index}] float {0} -> {1}")
    @CsvSource({
            "1.50, 1.5",
            "1., 1.0",
            ".5, 0.5",
            "1.0e+3, 1000.0",
            "190:20:30.15, 685230.15",
            "1.0e+16, 1e+16",
            "1.5e-05, 1.5e-05",
            "0.0001, 0.0001",
            "0.00001, 1e-05",
            "123456789012345678.0, 1.2345678901234568e+17",
            "9999999999999998.0, 9999999999999998.0",
            "-0.0, -0.0",
            ".inf, inf",
            "-.Inf, -inf",
            ".NaN, nan",
    })
    void floatsAsPythonReprPrintsThem(String yaml, String text) {
        assertTrue(PyYamlResolver.FLOAT.matcher(yaml).matches(), yaml + " resolves to float");
        assertEquals(text, PythonScalarText.ofFloat(yaml));
    }

    @ParameterizedTest(name = "[{index}] bool {0} -> {1}")
    @CsvSource({"yes, true", "Yes, true", "ON, true", "true, true", "no, false", "Off, false", "FALSE, false"})
    void yaml11BooleansAreLowerCaseTrueOrFalse(String yaml, String text) {
        assertTrue(PyYamlResolver.BOOL.matcher(yaml).matches(), yaml + " resolves to bool");
        assertEquals(text, PythonScalarText.ofBool(yaml));
    }

    @Test
    void textsPyYamlKeepsAsStringsDoNotResolveToNumbers() {
        for (String text : new String[]{"1e3", "0x", "0o17", "1.2.3", "08", "y", "n", "4688 "}) {
            assertTrue(!PyYamlResolver.INT.matcher(text).matches() && !PyYamlResolver.FLOAT.matcher(text).matches()
                    && !PyYamlResolver.BOOL.matcher(text).matches(), text);
        }
    }

    @Test
    void invalidDigitsForAnExplicitTagGiveNull() {
        assertNull(PythonScalarText.ofInt("0b"));
        assertNull(PythonScalarText.ofInt("abc"));
        assertNull(PythonScalarText.ofFloat("x.5"));
        assertNull(PythonScalarText.ofBool("maybe"));
    }
}
