package org.beatwise.ui.common;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;

/**
 * "Save as PNG…" on a chart or the map: a context menu with the size (as shown, twice, three times), a
 * save dialog, then the pixels go to the pane's {@link PictureSink}. The pixels are read with a
 * PixelReader and written with javax.imageio, so the app needs no javafx-swing module for this.
 */
public final class PngSaver {

    private static final String SINK = "beatwise.picture-sink";
    private static final int[] SCALES = {1, 2, 3};

    private PngSaver() { }

    /** Makes {@code sink} the place where pictures of charts inside {@code pane} are saved. */
    public static <N extends Node> N provide(N pane, PictureSink sink) {
        pane.getProperties().put(SINK, sink);
        return pane;
    }

    /** Adds the context menu to {@code node}; {@code what} names the picture ("elbow chart"). */
    public static void install(Node node, String what) {
        ContextMenu menu = new ContextMenu();
        for (int scale : SCALES) {
            MenuItem item = new MenuItem(scale == 1 ? "Save as PNG…" : "Save as PNG at " + scale + "× size…");
            item.setOnAction(e -> saveAs(node, what, scale));
            menu.getItems().add(item);
        }
        node.setOnContextMenuRequested(e -> {
            menu.show(node, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private static void saveAs(Node node, String what, int scale) {
        PictureSink sink = sinkOf(node);
        if (sink == null) {
            return; // a chart shown outside a pane (a test) has nowhere to save to
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the " + what + " as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG picture", "*.png"));
        chooser.setInitialFileName(what.replaceAll("[^A-Za-z0-9]+", "-") + ".png");
        File file = chooser.showSaveDialog(node.getScene() == null ? null : node.getScene().getWindow());
        if (file == null) {
            return;
        }
        // the save dialog asked before replacing a file, so the sink may replace it
        sink.save(what, png(node, scale), file.toPath(), message -> {
            Alert done = new Alert(message.startsWith("Saved") ? Alert.AlertType.INFORMATION : Alert.AlertType.ERROR, message);
            done.setHeaderText(null);
            done.show();
        });
    }

    /** The node as it is drawn now, {@code scale} times its size, as PNG bytes. */
    public static byte[] png(Node node, int scale) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        params.setTransform(Transform.scale(scale, scale));
        return png(node.snapshot(params, null));
    }

    static byte[] png(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static PictureSink sinkOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getProperties().get(SINK) instanceof PictureSink s) {
                return s;
            }
        }
        return null;
    }
}
