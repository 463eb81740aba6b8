package org.beatwise.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import org.beatwise.domain.Incident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryTest {

    @Test
    void incidentBecomesFeaturesInSetOrder() {
        // 2018-03-04 is a Sunday → day 7
        Incident i = new Incident("I1", LocalDateTime.of(2018, 3, 4, 23, 59), 42.28, -71.09, "X", "1", "g", "B3", 2);
        Query q = Query.of(i);
        double[] all = new double[5];
        FeatureSet.DEFAULT.fill(q, all);
        assertArrayEquals(new double[] {23, 7, 3, 42.28, -71.09}, all);
        double[] paper = new double[4];
        FeatureSet.PAPER.fill(q, paper);
        assertArrayEquals(new double[] {23, 7, 3, 42.28}, paper, "the paper left out longitude");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "24|1|1|42|-71|hour must be between 0 and 23, was 24",
            "0|0|1|42|-71|dayOfWeek must be between 1 and 7, was 0",
            "0|1|13|42|-71|month must be between 1 and 12, was 13",
            "0|1|1|91|-71|lat must be between -90 and 90, was 91.0",
            "0|1|1|42|NaN|lon must be between -180 and 180, was NaN",
    })
    void badQueriesNameTheField(int hour, int dow, int month, double lat, double lon, String message) {
        var e = assertThrows(IllegalArgumentException.class, () -> new Query(hour, dow, month, lat, lon));
        assertEquals(message, e.getMessage());
    }
}
