package org.w3id.fazhi.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected values came from CPython 3.11 (repr(x), repr(round(x, 4)), repr(float(s)), str.strip()). */
class PyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.0 | 1.0 | 1.0", "0.0 | 0.0 | 0.0", "0.9661 | 0.9661 | 0.9661",
            "0.6666666666666666 | 0.6666666666666666 | 0.6667", "1e16 | 1e+16 | 1e+16",
            "1e15 | 1000000000000000.0 | 1000000000000000.0", "0.0001 | 0.0001 | 0.0001", "0.00001 | 1e-05 | 0.0",
            "123456789012345678.0 | 1.2345678901234568e+17 | 1.2345678901234568e+17", "2023.0 | 2023.0 | 2023.0",
            "1.5e-7 | 1.5e-07 | 0.0", "99126698523122.375 | 99126698523122.38 | 99126698523122.38",
            "-0.0 | -0.0 | -0.0", "4.9e-324 | 5e-324 | 0.0",
            "1.7976931348623157e308 | 1.7976931348623157e+308 | 1.7976931348623157e+308",
            "0.00005 | 5e-05 | 0.0001", "0.00015 | 0.00015 | 0.0001", "0.12345 | 0.12345 | 0.1235"})
    void floatReprAndRound(double x, String repr, String rounded) {
        assertEquals(repr, Py.repr(x));
        assertEquals(rounded, Py.repr(Py.round4(x)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "52|52.0", "' 52 '|52.0", "1_000|1000.0", "1__0|ERR", "_1|ERR", ".5|0.5", "5.|5.0", "1e|ERR",
            "0x10|ERR", "1d|ERR", "５２|52.0", "52\u3000|52.0", "'52\u001c'|ERR", "inf|inf", "-Infinity|-inf",
            "nan|nan", "52件|ERR", "1e400|inf", "''|ERR"})
    void floatOfString(String s, String expected) {
        Double d = Py.toFloat(s);
        assertEquals(expected, d == null ? "ERR" : Py.repr(d));
    }

    @Test
    void floatOfJson() throws Exception {
        ObjectMapper m = new ObjectMapper();
        assertEquals(52.0, Py.toFloat(m.readTree("52")));
        assertEquals(52.0, Py.toFloat(m.readTree("\"52\"")));
        assertEquals(1.0, Py.toFloat(m.readTree("true")));
        assertNull(Py.toFloat(m.readTree("null")));
        assertNull(Py.toFloat(m.readTree("[52]")));
    }

    @Test
    void strOfJsonValues() throws Exception {
        ObjectMapper m = new ObjectMapper();
        assertEquals("2023", Py.str(m.readTree("2023")));
        assertEquals("2023.0", Py.str(m.readTree("2023.0")));
        assertEquals("True", Py.str(m.readTree("true")));
        assertEquals("123456789012345678901234567890", Py.str(m.readTree("123456789012345678901234567890")));
        JsonNode list = m.readTree("[\"重庆市\", 1, null, true, \"it's\", 1.5, {\"a\": \"x\\\"y\"}]");
        assertEquals("['重庆市', 1, None, True, \"it's\", 1.5, {'a': 'x\"y'}]", Py.str(list));
    }

    @Test
    void stripAndTruthiness() throws Exception {
        assertEquals("a\u3000b", Py.strip(" a\u3000b\u00a0\u2028 "));
        assertEquals("\u200bx\ufeff", Py.strip("\u200bx\ufeff")); // neither is whitespace to Python
        ObjectMapper m = new ObjectMapper();
        assertFalse(Py.truthy(m.readTree("0")));
        assertFalse(Py.truthy(m.readTree("\"\"")));
        assertFalse(Py.truthy(m.readTree("[]")));
        assertTrue(Py.truthy(m.readTree("\"0\"")));
        assertEquals("exact", Py.or(m.readTree("false"), "exact"));
        assertEquals("over", Py.or(m.readTree("\"over\""), "exact"));
    }

    @Test
    void codePointOrder() {
        // U+FF01 sorts before U+1F600 in Python, after it in UTF-16 order
        assertTrue(Py.CODE_POINT_ORDER.compare("\uff01", "\uD83D\uDE00") < 0);
        assertTrue("\uff01".compareTo("\uD83D\uDE00") > 0);
    }
}
