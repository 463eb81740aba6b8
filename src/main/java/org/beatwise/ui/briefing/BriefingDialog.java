package org.beatwise.ui.briefing;

import java.io.ByteArrayInputStream;
import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.beatwise.hotspot.HotspotSetSummary;

/** The Briefing window: choices on the left, page 1 on the right, Preview and Save. Lays out and binds only. */
public final class BriefingDialog {

    private BriefingDialog() { }

    public static void show(Window owner, BriefingViewModel vm, String preferredSet) {
        vm.refresh(preferredSet);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Shift briefing");

        ComboBox<HotspotSetSummary> set = new ComboBox<>(vm.setChoices());
        set.setId("briefing-set");
        set.valueProperty().bindBidirectional(vm.setProperty());
        set.setCellFactory(l -> new SetCell());
        set.setButtonCell(new SetCell());
        ComboBox<String> model = new ComboBox<>(vm.modelChoices());
        model.setId("briefing-model");
        model.valueProperty().bindBidirectional(vm.modelProperty());
        TextField station = new TextField();
        station.setId("briefing-station");
        station.textProperty().bindBidirectional(vm.stationProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Hotspot set"), set);
        form.addRow(1, new Label("Model page"), model);
        form.addRow(2, new Label("Station"), station);

        Button preview = new Button("Preview");
        preview.setId("briefing-preview");
        preview.setDefaultButton(true);
        preview.disableProperty().bind(vm.canPreviewProperty().not());
        preview.setOnAction(e -> vm.preview());
        Button save = new Button("Save PDF…");
        save.setId("briefing-save");
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the briefing");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF document", "*.pdf"));
            chooser.setInitialFileName("briefing.pdf");
            File file = chooser.showSaveDialog(stage);
            if (file != null) {
                vm.save(file.toPath());
            }
        });
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(24, 24);
        busy.visibleProperty().bind(vm.runningProperty());
        Label message = new Label();
        message.setId("briefing-message");
        message.setWrapText(true);
        message.setMaxWidth(300);
        message.textProperty().bind(vm.messageProperty());

        VBox left = new VBox(12, form, new HBox(8, preview, save, close, busy), message);
        left.setPadding(new Insets(12));
        ImageView page = new ImageView();
        page.setId("briefing-page");
        page.setPreserveRatio(true);
        page.setFitWidth(600);
        vm.previewPngProperty().addListener((o, a, png) ->
                page.setImage(png == null ? null : new Image(new ByteArrayInputStream(png))));
        ScrollPane right = new ScrollPane(page);
        right.setPrefViewportWidth(610);
        BorderPane root = new BorderPane(right, null, null, null, left);
        stage.setScene(new Scene(root, 1000, 720));
        stage.show();
    }

    private static final class SetCell extends ListCell<HotspotSetSummary> {
        @Override
        protected void updateItem(HotspotSetSummary s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? null : s.name() + " (dataset " + s.dataset() + ")");
        }
    }
}
