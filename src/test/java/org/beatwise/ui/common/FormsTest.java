package org.beatwise.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DayOfWeek;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FormsTest {

    @Start
    void start(Stage stage) {
        // the toolkit is what these tests need; no scene of their own
    }

    @Test
    void aChoiceShowsItsItemsByTheirNamesAndFindsThemAgain() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ComboBox<DayOfWeek> box = new ComboBox<>();
            box.getItems().setAll(DayOfWeek.MONDAY, DayOfWeek.TUESDAY);
            Forms.names(box, d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT));
            assertEquals("tue", box.getConverter().toString(DayOfWeek.TUESDAY));
            assertEquals("", box.getConverter().toString(null));
            assertEquals(DayOfWeek.MONDAY, box.getConverter().fromString("mon"));
            assertNull(box.getConverter().fromString("wed"), "not among the items");
        }).get();
    }
}
