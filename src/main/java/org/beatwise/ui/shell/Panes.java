package org.beatwise.ui.shell;

import java.time.Clock;
import java.util.List;
import org.beatwise.ui.briefing.ExportActions;
import org.beatwise.ui.common.PngSaver;
import org.beatwise.api.ApiService;
import org.beatwise.ui.alerts.AlertsView;
import org.beatwise.ui.alerts.AlertsViewModel;
import org.beatwise.ui.data.DataView;
import org.beatwise.ui.data.DataViewModel;
import org.beatwise.ui.hotspots.HotspotsView;
import org.beatwise.ui.hotspots.HotspotsViewModel;
import org.beatwise.ui.predict.PredictSources;
import org.beatwise.ui.predict.PredictView;
import org.beatwise.ui.predict.PredictViewModel;
import org.beatwise.ui.predict.PlaceProfileViewModel;
import org.beatwise.ui.predict.ProfileSources;
import org.beatwise.ui.train.TrainView;
import org.beatwise.ui.train.TrainViewModel;
import org.beatwise.ui.train.ExplainModelViewModel;
import org.beatwise.ui.users.ApiSwitchViewModel;
import org.beatwise.ui.users.UsersView;
import org.beatwise.ui.users.UsersViewModel;

/** The panes of the main window, in navigation order. */
public final class Panes {

    private Panes() { }

    /** Briefings and "Save as PNG…" for a pane: through the export service, as the signed-in user. */
    private static ExportActions exports(PaneContext c) {
        return new ExportActions(c.services().exports(), c.services().hotspots(), c.services().models(), c.session(),
                c.tasks());
    }

    public static List<PaneSpec> all() {
        return List.of(
                new PaneSpec("data", "Data", false,
                        c -> new DataView(new DataViewModel(c.services().imports(), c.services().datasets(), c.services().demo(), c.session(), c.tasks(),
                                Clock.systemUTC()),
                                c.navigate())),
                new PaneSpec("train", "Train & Evaluate", false,
                        c -> PngSaver.provide(new TrainView(new TrainViewModel(c.services().models(),
                                () -> c.services().datasets().datasetNames(), c.session(), c.tasks()),
                                new ExplainModelViewModel(ExplainModelViewModel.of(c.services().explanations()), c.tasks())),
                                exports(c).pictures())),
                new PaneSpec("hotspots", "Hotspots", false, c -> {
                    HotspotsViewModel vm = new HotspotsViewModel(c.services().hotspots(),
                            () -> c.services().datasets().datasetNames(), c.session(), c.tasks(),
                            () -> PredictSources.areaLayers(c.services().areas()));
                    HotspotsView view = PngSaver.provide(new HotspotsView(vm), exports(c).pictures());
                    view.addBriefingAction(() -> exports(c).openBriefing(view, () -> vm.setNameProperty().get()));
                    return view;
                }),
                new PaneSpec("predict", "Predict & Map", false, c -> {
                    PredictViewModel vm = new PredictViewModel(c.session(), c.services().alerts(),
                            PredictSources.of(c.services().models(), c.services().hotspots(), c.services().datasets(),
                                    c.services().areas()), c.tasks());
                    PlaceProfileViewModel place = new PlaceProfileViewModel(ProfileSources.of(c.services().models(),
                            c.services().profiles(), c.services().explanations()), c.tasks());
                    PredictView view = PngSaver.provide(new PredictView(vm, c.services().stationSettings().map(), place),
                            exports(c).pictures());
                    view.addBriefingAction(() -> exports(c).openBriefing(view, () -> vm.selectedHotspotSetProperty().get()));
                    return view;
                }),
                new PaneSpec("alerts", "Alerts", false,
                        c -> new AlertsView(new AlertsViewModel(c.services().alerts(), c.services().stationSettings(), c.session()))),
                new PaneSpec("users", "Users", true,
                        c -> new UsersView(new UsersViewModel(c.services().auth(), c.services().stationSettings(), c.session(),
                                c.tasks()), new ApiSwitchViewModel(ApiService.shared(c.services()), c.session(), c.tasks()))));
    }
}
