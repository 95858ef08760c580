package io.tlsdoctor.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** JavaFX dialogs owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final I18n i18n;

    public FxDialogService(Supplier<Window> owner, I18n i18n) {
        this.owner = owner;
        this.i18n = i18n;
    }

    @Override
    public boolean confirm(String title, String question, String yes, String no) {
        return ask(title, question, yes, no, false);
    }

    @Override
    public boolean confirmDestructive(String title, String question, String yes, String no) {
        return ask(title, question, yes, no, true);
    }

    private boolean ask(String title, String question, String yes, String no, boolean noIsDefault) {
        ButtonType yesButton = new ButtonType(yes, ButtonBar.ButtonData.YES);
        ButtonType noButton = new ButtonType(no, ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, yesButton, noButton);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(null);
        if (noIsDefault) {
            Button yesNode = (Button) alert.getDialogPane().lookupButton(yesButton);
            Button noNode = (Button) alert.getDialogPane().lookupButton(noButton);
            yesNode.setDefaultButton(false);
            noNode.setDefaultButton(true);
            yesNode.setId("confirmYesButton");
            noNode.setId("confirmNoButton");
            alert.setOnShown(e -> noNode.requestFocus());
        }
        return alert.showAndWait().filter(yesButton::equals).isPresent();
    }

    @Override
    public Optional<Path> chooseEvidenceFile(String title) {
        return openOne(title, "dialog.evidenceFiles", "*.txt", "*.log", "*.eml", "*.csv");
    }

    @Override
    public Optional<Path> chooseSummaryFile(String title) {
        return openOne(title, "dialog.summaryFiles", "*.json");
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        File file = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public java.util.List<Path> chooseRegFiles(String title) {
        FileChooser chooser = chooser(title, "dialog.regFiles", "*.reg");
        java.util.List<File> files = chooser.showOpenMultipleDialog(owner.get());
        return files == null ? java.util.List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public java.util.List<Path> chooseConnectorFiles(String title) {
        FileChooser chooser = chooser(title, "dialog.connectorFiles", "*.txt", "*.xml", "*.json");
        java.util.List<File> files = chooser.showOpenMultipleDialog(owner.get());
        return files == null ? java.util.List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File folder = chooser.showDialog(owner.get());
        return Optional.ofNullable(folder).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseZip(String title) {
        return openOne(title, "dialog.zipFiles", "*.zip");
    }

    /** One file to open, offered with its own kind first and "All files" second. */
    private Optional<Path> openOne(String title, String kindKey, String... patterns) {
        FileChooser chooser = chooser(title, kindKey, patterns);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    private FileChooser chooser(String title, String kindKey, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(i18n.get(kindKey), patterns),
                new FileChooser.ExtensionFilter(i18n.get("dialog.allFiles"), "*.*"));
        return chooser;
    }
}
