import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The baselines of bench/startup.sh. Without arguments the least a JavaFX program can show: one label in a window
 * (the reference). With "controls" the least the wizard's first step can show: a label, a text area to
 * paste into and a button, in a scroll pane (what any window that takes pasted text pays for its controls).
 */
public final class BareWindow extends Application {

    @Override
    public void start(Stage stage) {
        if (getParameters().getRaw().contains("controls")) {
            stage.setTitle("Bare JavaFX controls");
            VBox column = new VBox(8, new Label("Paste what you see"), new TextArea(), new Button("Open file..."));
            stage.setScene(new Scene(new ScrollPane(column), 400, 300));
        } else {
            stage.setTitle("Bare JavaFX");
            stage.setScene(new Scene(new StackPane(new Label("Hello")), 400, 200));
        }
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
