package io.tlsdoctor.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/** Every dialog the wizard shows goes through here, so ViewModels and tests never need a real window. */
public interface DialogService {

    /** Asks a yes/no question; true when the user chose yes. */
    boolean confirm(String title, String question, String yes, String no);

    /**
     * Asks a yes/no question whose yes loses something (closing with unsaved work): No is the default button, so
     * Enter pressed by habit keeps the work and yes must be chosen deliberately.
     */
    default boolean confirmDestructive(String title, String question, String yes, String no) {
        return confirm(title, question, yes, no);
    }

    /** Lets the user pick a text file of evidence. */
    Optional<Path> chooseEvidenceFile(String title);

    /** Lets the user pick the .reg files exported on the server; empty when they cancel. */
    java.util.List<Path> chooseRegFiles(String title);

    /** Lets the user pick saved cmdlet output of Exchange's connectors and certificates; empty when they cancel. */
    java.util.List<Path> chooseConnectorFiles(String title);

    /** Lets the user pick a summary saved as JSON, to review it. */
    Optional<Path> chooseSummaryFile(String title);

    /** Asks where to save a file, suggesting {@code initialName}; empty when they cancel. */
    Optional<Path> chooseSaveFile(String title, String initialName);

    /** As {@link #chooseSaveFile(String, String)}, opening in the folder last used for {@code purpose}. */
    default Optional<Path> chooseSaveFile(FilePurpose purpose, String title, String initialName) {
        return chooseSaveFile(title, initialName);
    }

    /** Lets the user pick a folder (of protocol logs). */
    Optional<Path> chooseFolder(String title);

    /** Lets the user pick a .zip archive (of protocol logs). */
    Optional<Path> chooseZip(String title);
}
