package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class LorenzMetricTest {

    private static LorenzScores scores(double co, double fp) {
        return new LorenzScores(new NlbScores(co, fp, Double.NaN), 0.5, 0.25, Double.NaN, 0, 0, 0,
            0.75);
    }

    @Test
    void readsEachFieldAndSummarisesOverRuns() {
        LorenzScores a = scores(0.1, 0.2);
        assertEquals(0.1, LorenzMetric.CO_BPS.of(a));
        assertEquals(0.2, LorenzMetric.FP_BPS.of(a));
        assertEquals(0.5, LorenzMetric.RATE_R2_HELDIN.of(a));
        assertEquals(0.25, LorenzMetric.RATE_R2_HELDOUT.of(a));
        assertTrue(Double.isNaN(LorenzMetric.RATE_R2_FORWARD.of(a)));
        assertEquals(0.75, LorenzMetric.STATE_R2.of(a));
        double[] ms = LorenzMetric.CO_BPS.meanSd(List.of(scores(1, 0), scores(2, 0), scores(6, 0)));
        assertEquals(3, ms[0], 1e-15);
        assertEquals(Math.sqrt((4 + 1 + 9) / 2.0), ms[1], 1e-15, "sample SD, n - 1");
        assertEquals(0, LorenzMetric.CO_BPS.meanSd(List.of(a))[1]);
        assertThrows(IllegalArgumentException.class, () -> LorenzMetric.CO_BPS.meanSd(List.of()));
    }

    @Test
    void tableHasARowPerMethodAndMarksMissingValues() {
        Map<String, List<LorenzScores>> methods = new LinkedHashMap<>();
        methods.put("one", List.of(scores(0.1, Double.NaN)));
        methods.put("two", List.of(scores(1, 0), scores(3, 0)));
        Table t = LorenzMetric.table("t", methods);
        assertEquals(2, t.rowCount());
        assertEquals(2 + LorenzMetric.values().length, t.columnCount());
        assertEquals("0.1000", t.stringColumn("co-bps").get(0));
        assertEquals("n/a", t.stringColumn("fp-bps").get(0));
        assertEquals("2.0000 ± 1.4142", t.stringColumn("co-bps").get(1));
        assertEquals(2, t.intColumn("runs").get(1));
    }
}
