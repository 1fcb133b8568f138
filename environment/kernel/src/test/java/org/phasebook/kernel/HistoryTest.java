package org.phasebook.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HistoryTest {

    private static History sample() {
        History h = new History();
        h.add(1, "int x = 1;");
        h.add(2, "x + 1");
        h.add(3, "int x = 1;");
        h.add(4, "System.out.println(x)");
        return h;
    }

    private static List<Integer> lines(List<History.Entry> entries) {
        return entries.stream().map(History.Entry::line).toList();
    }

    @Test
    void tailGivesTheLastCellsInOrder() {
        assertEquals(List.of(3, 4), lines(sample().tail(2)));
        assertEquals(List.of(1, 2, 3, 4), lines(sample().tail(10)));
        assertEquals(List.of(), lines(sample().tail(0)));
    }

    @Test
    void rangeIsHalfOpenAndOpenEndedWhenStopIsZero() {
        assertEquals(List.of(2, 3), lines(sample().range(2, 4)));
        assertEquals(List.of(3, 4), lines(sample().range(3, 0)));
    }

    @Test
    void searchMatchesGlobsAndCanDropDuplicates() {
        assertEquals(List.of(1, 3), lines(sample().search("int x*", 10, false)));
        assertEquals(List.of(3), lines(sample().search("int x*", 10, true)));
        assertEquals(List.of(4), lines(sample().search("System.out.println(?)", 10, false)));
        assertEquals(List.of(3, 4), lines(sample().search("*", 2, false)));
    }

    @Test
    void globCharactersOtherThanStarAndQuestionMarkAreLiteral() {
        assertEquals(List.of(), lines(sample().search("x + .", 10, false)));
        assertEquals(List.of(2), lines(sample().search("x + ?", 10, false)));
    }
}
