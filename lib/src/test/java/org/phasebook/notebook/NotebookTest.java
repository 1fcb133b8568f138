package org.phasebook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotebookTest {

    @AfterEach
    void removeSink() {
        Notebook.install(null);
    }

    @Test
    void withoutASinkDisplaysPrintTheirTextForm() {
        Notebook.install(null);
        assertTrue(Notebook.sink().isEmpty());
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            String id = Notebook.display(MimeBundle.html("<b>hi</b>", "hi"));
            Notebook.update(id, "again");
        } finally {
            System.setOut(before);
        }
        assertEquals("hi\nagain\n", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withASinkDisplaysGoThroughIt() {
        List<String> calls = new ArrayList<>();
        Notebook.install(new DisplaySink() {
            @Override
            public String display(Object value, boolean updatable) {
                calls.add("display " + value + " " + updatable);
                return "id-7";
            }

            @Override
            public void update(String displayId, Object value) {
                calls.add("update " + displayId + " " + value);
            }
        });
        String id = Notebook.display("x");
        Notebook.update(id, "y");
        assertEquals(List.of("display x true", "update id-7 y"), calls);
    }
}
