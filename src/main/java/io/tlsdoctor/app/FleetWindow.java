package io.tlsdoctor.app;

import io.tlsdoctor.core.fleet.FleetCollection;
import io.tlsdoctor.core.fleet.ServerCollector;
import io.tlsdoctor.core.probe.ProbeTarget;
import io.tlsdoctor.platform.fleet.WindowsServerCollector;
import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.FxTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.fleet.FleetView;
import io.tlsdoctor.ui.fleet.FleetViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The fleet view in a window of its own, so the one-server wizard behind it keeps its work. */
public final class FleetWindow {

    /** Eight servers at a time, two minutes each: a slow server is reported, never waited for longer. */
    public static final FleetCollection.Options LIVE = new FleetCollection.Options(8, Duration.ofMinutes(2));

    private FleetWindow() {}

    public static Stage open(
            Window owner, I18n i18n, Executor executor, DialogService dialogs, PlatformServices platform) {
        FleetViewModel viewModel = new FleetViewModel(
                new FxTaskRunner(executor),
                i18n,
                platform.registrySources(),
                liveCollectors(),
                LIVE,
                Clock.systemUTC());
        Stage stage = new Stage();
        stage.initOwner(owner);
        Scene scene = new Scene(new FleetView(viewModel, i18n, dialogs), 1200, 800);
        scene.getStylesheets().add(WizardWindow.stylesheet());
        stage.setScene(scene);
        stage.titleProperty().bind(i18n.text("fleet.ui.window.title"));
        stage.getIcons().setAll(WizardWindow.icons());
        stage.show();
        return stage;
    }

    /** On Windows: remote registry, remote PowerShell and the admin share, with the user's own sign-in; else none. */
    static Function<String, ServerCollector> liveCollectors() {
        if (!WindowsServerCollector.isAvailable()) {
            return null;
        }
        return host -> new WindowsServerCollector(
                host == null ? List.of() : List.of(ProbeTarget.direct(host, 25)),
                Duration.ofSeconds(15),
                () -> StartupPreload.knowledge().classifier());
    }
}
