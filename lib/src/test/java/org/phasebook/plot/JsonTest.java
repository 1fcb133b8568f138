package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertEquals("\"say \\\"hi\\\"\"", Json.quote("say \"hi\""));
        assertEquals("\"C:\\\\figures\\\\a.png\"", Json.quote("C:\\figures\\a.png"));
        assertEquals("\"a/b\"", Json.quote("a/b"));
    }

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("\"line\\nbreak\\r\\ttab\"", Json.quote("line\nbreak\r\ttab"));
        assertEquals("\"\\b\\f\\u0000\\u001f\\u007f\"", Json.quote("\b\f\u0000\u001f\u007f"));
    }

    @Test
    void nonAsciiIsWrittenAsUnicodeEscapes() {
        assertEquals("\"\\u03c3 = 10 \\u2014 \\u00e9\"", Json.quote("σ = 10 — é"));
        // A character outside the basic plane is a surrogate pair, escaped as two units.
        assertEquals("\"\\ud83d\\ude00\"", Json.quote("\uD83D\uDE00"));
    }

    @Test
    void everyStringSurvivesARoundTrip() {
        for (String s : List.of("", "plain", "\"\\\n\r\t\b\f", "σ—é\uD83D\uDE00", "\u0001\u2028\u2029", "}]{[,:")) {
            assertEquals(s, MiniJson.parse(Json.quote(s)));
        }
    }

    @Test
    void numbersAreValidJsonAndNonFiniteOnesAreStrings() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("double", 10.0);
        map.put("small", 1e-5);
        map.put("large", 6.02e23);
        map.put("negative", -0.5);
        map.put("long", 5_000_000_000L);
        map.put("int", 42);
        map.put("nan", Double.NaN);
        map.put("inf", Double.NEGATIVE_INFINITY);
        map.put("bool", true);
        map.put("null", null);
        String json = Json.write(map);
        assertTrue(json.contains("\"small\": 1.0E-5"), json);
        Object parsed = MiniJson.parse(json);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("double", 10.0);
        expected.put("small", 1e-5);
        expected.put("large", 6.02e23);
        expected.put("negative", -0.5);
        expected.put("long", 5_000_000_000L);
        expected.put("int", 42L);
        expected.put("nan", "NaN");
        expected.put("inf", "-Infinity");
        expected.put("bool", true);
        expected.put("null", null);
        assertEquals(expected, parsed);
    }

    @Test
    void nestedStructuresArePrettyPrintedInOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", List.of(1L, "two"));
        inner.put("a", Map.of());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("z", inner);
        root.put("empty", new ArrayList<>());
        assertEquals("{\n"
                + "  \"z\": {\n"
                + "    \"b\": [\n"
                + "      1,\n"
                + "      \"two\"\n"
                + "    ],\n"
                + "    \"a\": {}\n"
                + "  },\n"
                + "  \"empty\": []\n"
                + "}\n", Json.write(root));
        assertEquals(root.keySet(), ((Map<?, ?>) MiniJson.parse(Json.write(root))).keySet());
    }

    @Test
    void unsupportedValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, "x")));
    }

    @Test
    void theTestReaderRejectsInvalidJson() {
        for (String bad : List.of("{\"a\":1,}", "[1,]", "{'a':1}", "\"raw\nnewline\"", "01", "1.", "{} x", "\"\\x\"")) {
            assertThrows(IllegalArgumentException.class, () -> MiniJson.parse(bad), bad);
        }
    }
}
