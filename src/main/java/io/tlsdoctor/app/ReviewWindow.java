package io.tlsdoctor.app;

import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.review.ReviewView;
import io.tlsdoctor.ui.review.ReviewViewModel;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens a saved summary read-only in a window of its own, so the wizard behind it keeps its work. */
public final class ReviewWindow {

    private ReviewWindow() {}

    /** Asks for the file, then shows it. */
    public static void chooseAndOpen(Window owner, I18n i18n, Executor executor, DialogService dialogs) {
        dialogs.chooseSummaryFile(i18n.get("wizard.review")).ifPresent(file -> open(owner, i18n, executor, file));
    }

    public static Stage open(Window owner, I18n i18n, Executor executor, Path file) {
        ReviewViewModel viewModel = new ReviewViewModel(new io.tlsdoctor.ui.common.FxTaskRunner(executor), i18n);
        Stage stage = new Stage();
        stage.initOwner(owner);
        Scene scene = new Scene(new ReviewView(viewModel, i18n, stage::close), 960, 720);
        scene.getStylesheets().add(WizardWindow.stylesheet());
        stage.setScene(scene);
        stage.titleProperty().bind(i18n.text("review.window.title"));
        stage.getIcons().setAll(WizardWindow.icons());
        stage.show();
        viewModel.open(file);
        return stage;
    }
}
