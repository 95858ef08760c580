package io.tlsdoctor.ui.step.symptom;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.Detection;
import io.tlsdoctor.core.evidence.EvidenceDecoder;
import io.tlsdoctor.core.evidence.EvidenceFiles;
import io.tlsdoctor.core.evidence.EvidenceInputException;
import io.tlsdoctor.core.evidence.EvidenceRecognizer;
import io.tlsdoctor.core.evidence.Recognition;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.LatestTask;
import io.tlsdoctor.ui.common.TaskRunner;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import io.tlsdoctor.ui.wizard.StepModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Step 1: which symptom does the user see? Either a picked card, or pasted/dropped evidence that is recognised
 * while they type (off the FX thread, after a short pause so that typing stays fluid).
 */
public final class SymptomStepViewModel implements StepModel {

    /** How the status line under the paste area should look. */
    public enum StatusKind {
        EMPTY,
        WORKING,
        RECOGNISED,
        NOTHING,
        PROBLEM
    }

    private final SymptomCatalog catalog;
    private final EvidenceRecognizer recognizer;
    private final TaskRunner runner;
    private final I18n i18n;
    private final DiagnosisSession session;
    private final Duration pause;

    // Properties
    private final ReadOnlyObjectWrapper<Recognition> recognition = new ReadOnlyObjectWrapper<>(this, "recognition");
    private final ReadOnlyBooleanWrapper recognizing = new ReadOnlyBooleanWrapper(this, "recognizing");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<EvidenceProblem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<StatusKind> statusKind =
            new ReadOnlyObjectWrapper<>(this, "statusKind", StatusKind.EMPTY);
    /** What the paste box shows: the evidence itself, or only its first part when it is too big for a text box. */
    private final StringProperty shownText = new javafx.beans.property.SimpleStringProperty(this, "shownText", "");

    private final ReadOnlyBooleanWrapper truncated = new ReadOnlyBooleanWrapper(this, "truncated");
    private final ReadOnlyStringWrapper sizeNote = new ReadOnlyStringWrapper(this, "sizeNote", "");
    private boolean syncing;
    private final ReadOnlyObjectWrapper<Set<SymptomCode>> recognisedCodes =
            new ReadOnlyObjectWrapper<>(this, "recognisedCodes", Set.of());
    private final BooleanBinding canAdvance;
    private final List<SymptomCardViewModel> cards;

    /** Recognition of the latest text: a newer text cancels the older one's, and its result is dropped. */
    private final LatestTask recognitionLane;

    public SymptomStepViewModel(
            SymptomCatalog catalog,
            EvidenceRecognizer recognizer,
            TaskRunner runner,
            I18n i18n,
            DiagnosisSession session,
            Duration pause) {
        this.catalog = catalog;
        this.recognizer = recognizer;
        this.runner = runner;
        this.i18n = i18n;
        this.session = session;
        this.pause = pause;
        this.recognitionLane = new LatestTask(runner, recognizing);
        canAdvance = Bindings.createBooleanBinding(
                () -> session.hasInputProperty().get()
                        && !recognizing.get()
                        && !loading.get()
                        && (problem.get() == null
                                || session.pickedSymptomProperty().get() != null),
                session.hasInputProperty(),
                session.pickedSymptomProperty(),
                recognizing,
                loading,
                problem);
        session.evidenceTextProperty().addListener((obs, old, text) -> {
            show(text);
            recognizeLater(text);
        });
        shownText.addListener((obs, old, text) -> {
            if (!syncing && !truncated.get()) {
                session.recordEvidence(text, null); // typed or pasted in the box: that is the evidence
            }
        });
        i18n.messagesProperty()
                .addListener(
                        (obs, old, value) -> show(session.evidenceTextProperty().get()));
        recognition.addListener((obs, old, value) -> {
            session.recordRecognition(value);
            session.recordDirection(
                    directionOf(value, session.pickedSymptomProperty().get()));
        });
        session.pickedSymptomProperty()
                .addListener((obs, old, picked) -> session.recordDirection(directionOf(recognition.get(), picked)));
        i18n.messagesProperty().addListener((obs, old, value) -> updateStatus());
        updateStatus();
        cards = catalog.seedSymptoms().stream()
                .map(symptom -> new SymptomCardViewModel(symptom, i18n, this))
                .toList();
    }

    // == StepModel ==

    @Override
    public String titleKey() {
        return "step.symptom.title";
    }

    @Override
    public ObservableBooleanValue canAdvanceProperty() {
        return canAdvance;
    }

    @Override
    public ObservableBooleanValue busyProperty() {
        return loading;
    }

    // == Properties ==

    /** The four symptom cards, in catalog order. */
    public List<SymptomCardViewModel> cards() {
        return cards;
    }

    public ReadOnlyObjectProperty<SymptomCode> pickedSymptomProperty() {
        return session.pickedSymptomProperty();
    }

    public ReadOnlyStringProperty evidenceTextProperty() {
        return session.evidenceTextProperty();
    }

    public ReadOnlyObjectProperty<Recognition> recognitionProperty() {
        return recognition.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recognizingProperty() {
        return recognizing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EvidenceProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** One line that says what was recognised so far, in the current language. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusKind> statusKindProperty() {
        return statusKind.getReadOnlyProperty();
    }

    /** Codes recognised in the pasted text, so the matching card can show it. */
    public ReadOnlyObjectProperty<Set<SymptomCode>> recognisedCodesProperty() {
        return recognisedCodes.getReadOnlyProperty();
    }

    // == Commands ==

    /**
     * What the paste box holds: the evidence, or its first {@link #BOX_LIMIT} characters when it is larger (a 20 MB
     * paste in a text box took half a minute and gigabytes to lay out). The whole evidence is recognised either way.
     */
    public StringProperty shownTextProperty() {
        return shownText;
    }

    /** The box shows only the first part of the evidence (and is read-only until cleared). */
    public ReadOnlyBooleanProperty truncatedProperty() {
        return truncated.getReadOnlyProperty();
    }

    /** "Pasted 20.3 MB; the box shows the first 256 KB; all of it is recognised." when the box shows a part. */
    public ReadOnlyStringProperty sizeNoteProperty() {
        return sizeNote.getReadOnlyProperty();
    }

    /** The box takes what fits; a larger paste becomes the evidence whole and the box shows its beginning. */
    public void paste(String text) {
        if (text == null) {
            return;
        }
        session.recordEvidence(text, null);
    }

    /** Stops recognising a large paste (the evidence stays; Clear removes it). */
    public void stopRecognizing() {
        if (recognitionLane.isRunning()) {
            recognitionLane.forget(); // its result is no longer wanted; recognizing falls
            recognition.set(null);
            problem.set(new EvidenceProblem("step.symptom.status.stopped", new Object[0]));
            updateStatus();
        }
    }

    /** Characters the paste box holds before it shows only the beginning. */
    public static final int BOX_LIMIT = 256 * 1024;

    private void show(String text) {
        String evidence = text == null ? "" : text;
        syncing = true;
        try {
            boolean large = evidence.length() > BOX_LIMIT;
            truncated.set(large);
            if (!evidence.equals(shownText.get()) || large) {
                shownText.set(large ? evidence.substring(0, BOX_LIMIT) : evidence);
            }
            sizeNote.set(
                    large ? i18n.get("step.symptom.paste.large", megabytes(evidence.length()), BOX_LIMIT / 1024) : "");
        } finally {
            syncing = false;
        }
    }

    private static String megabytes(long chars) {
        return String.format(java.util.Locale.ROOT, "%.1f", chars / (1024.0 * 1024.0));
    }

    /** Picks a card; picking the picked card again clears the choice. */
    public void pick(SymptomCode code) {
        session.pickSymptom(code == session.pickedSymptomProperty().get() ? null : code);
    }

    /** Reads a dropped or chosen file in the background and shows its text (an .eml is shown decoded). */
    public void loadFile(Path file) {
        runner.run(
                loading,
                () -> EvidenceFiles.read(file),
                read -> {
                    session.recordEvidence(read.text(), file.getFileName().toString());
                },
                this::showProblem);
    }

    /** Empties the paste box and forgets the card picked, so nothing of the last case colours the next one. */
    public void clear() {
        session.recordEvidence("", null);
        session.pickSymptom(null);
    }

    /** A card is picked or something is pasted: Clear has something to clear. */
    public ObservableBooleanValue hasInputProperty() {
        return session.hasInputProperty();
    }

    private void recognizeLater(String text) {
        problem.set(null);
        if (text == null || text.isBlank()) {
            recognition.set(null);
            recognitionLane.forget(); // what an older text still recognises is no longer wanted
            updateStatus();
            return;
        }
        recognitionLane.run(
                () -> {
                    if (!pause.isZero()) {
                        Thread.sleep(pause.toMillis()); // typing goes on: a newer text cancels this work
                    }
                    return recognizer.recognize(EvidenceDecoder.fromPaste(text));
                },
                found -> {
                    recognition.set(found);
                    updateStatus();
                },
                error -> {
                    recognition.set(null);
                    showProblem(error);
                });
        updateStatus();
    }

    private void showProblem(Throwable error) {
        if (error instanceof EvidenceInputException input) {
            problem.set(new EvidenceProblem(input.messageKey(), input.args()));
        } else {
            problem.set(new EvidenceProblem("evidence.error.internal", new Object[] {String.valueOf(error)}));
        }
        updateStatus();
    }

    private void updateStatus() {
        Recognition current = recognition.get();
        recognisedCodes.set(current == null ? Set.of() : codesOf(current));
        if (problem.get() != null) {
            statusKind.set(StatusKind.PROBLEM);
            status.set(i18n.get(problem.get().messageKey(), problem.get().arguments()));
        } else if (recognizing.get() || loading.get()) {
            statusKind.set(StatusKind.WORKING);
            status.set(i18n.get("step.symptom.status.working"));
        } else if (current == null) {
            statusKind.set(StatusKind.EMPTY);
            status.set(i18n.get("step.symptom.status.empty"));
        } else if (current.isEmpty()) {
            statusKind.set(StatusKind.NOTHING);
            status.set(i18n.get("step.symptom.status.nothing"));
        } else {
            statusKind.set(StatusKind.RECOGNISED);
            Detection first = current.detections().get(0);
            String title = catalog.symptom(first.code()).title().in(i18n.locale());
            String direction = i18n.get("direction." + first.direction());
            status.set(
                    current.detections().size() == 1
                            ? i18n.get("step.symptom.status.one", title, direction)
                            : i18n.get(
                                    "step.symptom.status.many",
                                    title,
                                    direction,
                                    current.detections().size() - 1));
        }
    }

    /**
     * The direction of the most important detection that has one (detections come seed symptoms first); else the
     * picked card's; else unknown.
     */
    private Direction directionOf(Recognition current, SymptomCode picked) {
        if (current != null) {
            for (Detection detection : current.detections()) {
                if (detection.direction() != Direction.UNKNOWN) {
                    return detection.direction();
                }
            }
        }
        return picked != null ? catalog.symptom(picked).direction() : Direction.UNKNOWN;
    }

    private static Set<SymptomCode> codesOf(Recognition recognition) {
        Set<SymptomCode> codes = EnumSet.noneOf(SymptomCode.class);
        recognition.detections().forEach(d -> codes.add(d.code()));
        return codes;
    }

    /** A problem with the evidence, as a message key and its arguments (so it follows a language switch). */
    public record EvidenceProblem(String messageKey, Object[] arguments) {}
}
