package io.tlsdoctor.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** JavaFX dialogs owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final I18n i18n;
    private final WizardSettings settings;

    public FxDialogService(Supplier<Window> owner, I18n i18n) {
        this(owner, i18n, WizardSettings.none());
    }

    /** Each kind of file dialog opens where the user last was with it ({@link WizardSettings}). */
    public FxDialogService(Supplier<Window> owner, I18n i18n, WizardSettings settings) {
        this.owner = owner;
        this.i18n = i18n;
        this.settings = settings;
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
        return openOne(FilePurpose.EVIDENCE, title, "dialog.evidenceFiles", "*.txt", "*.log", "*.eml", "*.csv");
    }

    @Override
    public Optional<Path> chooseSummaryFile(String title) {
        return openOne(FilePurpose.SUMMARY, title, "dialog.summaryFiles", "*.json");
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialName) {
        return chooseSaveFile(FilePurpose.SUMMARY, title, initialName);
    }

    @Override
    public Optional<Path> chooseSaveFile(FilePurpose purpose, String title, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        startIn(purpose, chooser::setInitialDirectory);
        File file = chooser.showSaveDialog(owner.get());
        return rememberParent(purpose, Optional.ofNullable(file).map(File::toPath));
    }

    @Override
    public java.util.List<Path> chooseRegFiles(String title) {
        FileChooser chooser = chooser(FilePurpose.REG_STORE, title, "dialog.regFiles", "*.reg");
        java.util.List<File> files = chooser.showOpenMultipleDialog(owner.get());
        java.util.List<Path> chosen = files == null
                ? java.util.List.of()
                : files.stream().map(File::toPath).toList();
        rememberParent(FilePurpose.REG_STORE, chosen.stream().findFirst());
        return chosen;
    }

    @Override
    public java.util.List<Path> chooseConnectorFiles(String title) {
        FileChooser chooser =
                chooser(FilePurpose.CONNECTOR_OUTPUT, title, "dialog.connectorFiles", "*.txt", "*.xml", "*.json");
        java.util.List<File> files = chooser.showOpenMultipleDialog(owner.get());
        java.util.List<Path> chosen = files == null
                ? java.util.List.of()
                : files.stream().map(File::toPath).toList();
        rememberParent(FilePurpose.CONNECTOR_OUTPUT, chosen.stream().findFirst());
        return chosen;
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        startIn(FilePurpose.LOGS, chooser::setInitialDirectory);
        Optional<Path> folder =
                Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
        folder.ifPresent(
                f -> settings.rememberFolder(FilePurpose.LOGS, f)); // the log folder itself: it is opened again
        return folder;
    }

    @Override
    public Optional<Path> chooseZip(String title) {
        return openOne(FilePurpose.LOGS, title, "dialog.zipFiles", "*.zip");
    }

    /** One file to open, offered with its own kind first and "All files" second. */
    private Optional<Path> openOne(FilePurpose purpose, String title, String kindKey, String... patterns) {
        FileChooser chooser = chooser(purpose, title, kindKey, patterns);
        return rememberParent(
                purpose,
                Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath));
    }

    private void startIn(FilePurpose purpose, java.util.function.Consumer<File> setInitialDirectory) {
        settings.folder(purpose).ifPresent(folder -> setInitialDirectory.accept(folder.toFile()));
    }

    private Optional<Path> rememberParent(FilePurpose purpose, Optional<Path> chosen) {
        chosen.map(Path::toAbsolutePath)
                .map(Path::getParent)
                .ifPresent(folder -> settings.rememberFolder(purpose, folder));
        return chosen;
    }

    private FileChooser chooser(FilePurpose purpose, String title, String kindKey, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        startIn(purpose, chooser::setInitialDirectory);
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(i18n.get(kindKey), patterns),
                        new FileChooser.ExtensionFilter(i18n.get("dialog.allFiles"), "*.*"));
        return chooser;
    }
}
