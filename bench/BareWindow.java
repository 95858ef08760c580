import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline of bench/startup.sh: the least a JavaFX program can show, one label in a window. */
public final class BareWindow extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Bare JavaFX");
        stage.setScene(new Scene(new StackPane(new Label("Hello")), 400, 200));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
