package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextCleanerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "M/V ACCIDENT - PROPERTY \u00c2\u00a0DAMAGE | M/V ACCIDENT - PROPERTY DAMAGE",
            "M/V ACCIDENT - PROPERTY\u00a0DAMAGE         | M/V ACCIDENT - PROPERTY DAMAGE",
            "'  LARCENY   ALL  OTHERS '                 | LARCENY ALL OTHERS",
            "'A\tB\r\nC'                                | A B C",
            "'CAF\u00c9'                                | CAF\u00c9",
            "'\u00c2ngela'                              | \u00c2ngela",
            "' '                                        | ''"})
    void cleans(String in, String out) {
        assertEquals(out, TextCleaner.clean(in));
    }

    @Test
    void cleanTextIsReturnedAsIs() {
        String s = "LARCENY ALL OTHERS";
        assertSame(s, TextCleaner.clean(s));
        assertEquals("", TextCleaner.clean(null));
    }
}
