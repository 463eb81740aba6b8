package org.beatwise.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A chart becomes PNG bytes at the asked scale, headless, without javafx-swing. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PngSaverTest {

    private LineChart<Number, Number> chart;

    @Start
    void start(Stage stage) {
        chart = new LineChart<>(new NumberAxis(), new NumberAxis());
        chart.setAnimated(false);
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        for (int k = 2; k <= 10; k++) {
            s.getData().add(new XYChart.Data<>(k, 100.0 / k));
        }
        chart.getData().add(s);
        PngSaver.install(chart, "elbow chart");
        StackPane pane = PngSaver.provide(new StackPane(chart), (what, png, file, done) -> { });
        stage.setScene(new Scene(pane, 400, 300));
        stage.show();
    }

    @Test
    void aChartIsWrittenAsPngAtTwiceItsSize() throws Exception {
        byte[] png = WaitForAsyncUtils.asyncFx(() -> PngSaver.png(chart, 2)).get();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "a PNG javax.imageio reads back");
        assertEquals(2 * (int) chart.getWidth(), image.getWidth());
        assertEquals(2 * (int) chart.getHeight(), image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 5, "the axes and the line are drawn: " + colours.size() + " colours");
        assertNotNull(chart.getOnContextMenuRequested(), "Save as PNG… is offered on right-click");
    }
}
