package io.tlsdoctor.ui;

import io.tlsdoctor.ui.common.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A DialogService that answers as told and remembers what it was asked. */
public final class RecordingDialogService implements DialogService {

    public final List<String> questions = new ArrayList<>();
    public final List<String> titles = new ArrayList<>();
    public boolean answer;
    public Path fileToChoose;
    public List<Path> regFilesToChoose = List.of();
    public List<Path> connectorFilesToChoose = List.of();
    public Path saveFileToChoose;
    public Path folderToChoose;
    public Path zipToChoose;
    public Path summaryToChoose;

    @Override
    public boolean confirm(String title, String question, String yes, String no) {
        questions.add(question);
        titles.add(title);
        return answer;
    }

    @Override
    public Optional<Path> chooseEvidenceFile(String title) {
        return Optional.ofNullable(fileToChoose);
    }

    @Override
    public Optional<Path> chooseSummaryFile(String title) {
        return Optional.ofNullable(summaryToChoose);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialName) {
        return Optional.ofNullable(saveFileToChoose);
    }

    @Override
    public List<Path> chooseRegFiles(String title) {
        return regFilesToChoose;
    }

    @Override
    public List<Path> chooseConnectorFiles(String title) {
        return connectorFilesToChoose;
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return Optional.ofNullable(folderToChoose);
    }

    @Override
    public Optional<Path> chooseZip(String title) {
        return Optional.ofNullable(zipToChoose);
    }
}
