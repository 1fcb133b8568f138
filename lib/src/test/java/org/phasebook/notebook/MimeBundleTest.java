package org.phasebook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MimeBundleTest {

    @Test
    void everyBundleHasAPlainTextForm() {
        assertThrows(IllegalArgumentException.class, () -> new MimeBundle(Map.of("text/html", "<b>x</b>")));
        assertEquals("x", MimeBundle.text("x").plain());
    }

    @Test
    void htmlKeepsTheOrderOfPreferenceAndIsImmutable() {
        MimeBundle bundle = MimeBundle.html("<i>y</i>", "y");
        assertEquals(List.of("text/html", "text/plain"), List.copyOf(bundle.data().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> bundle.data().put("a", "b"));
        Map<String, String> source = new LinkedHashMap<>(Map.of("text/plain", "z"));
        MimeBundle copy = new MimeBundle(source);
        source.put("text/plain", "changed");
        assertEquals("z", copy.plain());
    }
}
