package io.tlsdoctor.ui.wizard;

import io.tlsdoctor.core.diagnosis.Conclusion;
import io.tlsdoctor.core.diagnosis.ProbeEvidence;
import io.tlsdoctor.core.diagnosis.Rehearsal;
import io.tlsdoctor.core.diagnosis.RestartState;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import io.tlsdoctor.core.evidence.Recognition;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.logs.LogAnalysis;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the user has told TLS Doctor so far and what the checks found, shared by the steps so that no step reaches
 * into another: the symptom, the evidence and what was recognised in it, then each check's result and each change.
 */
public final class DiagnosisSession {

    private final ObjectProperty<SymptomCode> pickedSymptom = new SimpleObjectProperty<>(this, "pickedSymptom");
    private final StringProperty evidenceText = new SimpleStringProperty(this, "evidenceText", "");
    private final StringProperty evidenceSource = new SimpleStringProperty(this, "evidenceSource");
    private final ObjectProperty<Recognition> recognition = new SimpleObjectProperty<>(this, "recognition");
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction", Direction.UNKNOWN);
    private final ObjectProperty<RegistrySnapshot> registrySnapshot = new SimpleObjectProperty<>(this, "registrySnapshot");
    private final ObjectProperty<RegistryReport> registryReport = new SimpleObjectProperty<>(this, "registryReport");
    private final ObservableList<Path> registryExports = FXCollections.observableArrayList();
    private final ObjectProperty<ApplyResult> lastChange = new SimpleObjectProperty<>(this, "lastChange");
    private final ObjectProperty<LogAnalysis> logAnalysis = new SimpleObjectProperty<>(this, "logAnalysis");
    private final ObservableList<ProbeEvidence> probes = FXCollections.observableArrayList();
    private final ObservableList<ApplyResult> changes = FXCollections.observableArrayList();
    private final ObservableList<Rehearsal> rehearsals = FXCollections.observableArrayList();
    private final ObjectProperty<Conclusion> conclusion = new SimpleObjectProperty<>(this, "conclusion");
    private final ObjectProperty<RestartState> restartState = new SimpleObjectProperty<>(this, "restartState");
    private final BooleanBinding hasInput = Bindings.createBooleanBinding(
            () -> pickedSymptom.get() != null || !evidenceText.get().isBlank(), pickedSymptom, evidenceText);

    public DiagnosisSession() {
        // new evidence from a check makes the kept conclusion stale: whoever needs one judges afresh
        registrySnapshot.addListener((obs, old, value) -> conclusion.set(null));
        logAnalysis.addListener((obs, old, value) -> conclusion.set(null));
        probes.addListener((javafx.collections.ListChangeListener<ProbeEvidence>) change -> conclusion.set(null));
    }

    public ObjectProperty<SymptomCode> pickedSymptomProperty() {
        return pickedSymptom;
    }

    public StringProperty evidenceTextProperty() {
        return evidenceText;
    }

    /** The file the evidence came from, or null when it was pasted or typed. */
    public StringProperty evidenceSourceProperty() {
        return evidenceSource;
    }

    public ObjectProperty<Recognition> recognitionProperty() {
        return recognition;
    }

    /** Which way the failing mail flows, as far as the symptom tells; it picks the SChannel side the checks judge. */
    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    /** What the registry check read (kept so the fix is planned from exactly what was judged). */
    public ObjectProperty<RegistrySnapshot> registrySnapshotProperty() {
        return registrySnapshot;
    }

    public ObjectProperty<RegistryReport> registryReportProperty() {
        return registryReport;
    }

    /** The .reg files the registry check read, empty when it read the live registry. */
    public ObservableList<Path> registryExports() {
        return registryExports;
    }

    /** The last change made to the server's registry in this session (apply or undo), for the restart step. */
    public ObjectProperty<ApplyResult> lastChangeProperty() {
        return lastChange;
    }

    /** What the protocol logs showed, once the user had them analysed; null before. */
    public ObjectProperty<LogAnalysis> logAnalysisProperty() {
        return logAnalysis;
    }

    /** Every target the connection test finished, with the mail flow it stands for; replaced on each new test. */
    public ObservableList<ProbeEvidence> probes() {
        return probes;
    }

    /** Every change made to the server's registry in this session (apply and undo), oldest first; never a rehearsal. */
    public ObservableList<ApplyResult> changes() {
        return changes;
    }

    /** The fix rehearsed on a copy of the server's export (and undone there), oldest first: not changes to the server. */
    public ObservableList<Rehearsal> rehearsals() {
        return rehearsals;
    }

    /** The last rehearsal, or null when there was none. */
    public Rehearsal lastRehearsal() {
        return rehearsals.isEmpty() ? null : rehearsals.get(rehearsals.size() - 1);
    }

    /** Where the restart stands, once the restart step has looked; null before. */
    public ObjectProperty<RestartState> restartStateProperty() {
        return restartState;
    }

    /** What the diagnosis step concluded from the checks (before any fix); null until it has, and again once a check brings new evidence. */
    public ObjectProperty<Conclusion> conclusionProperty() {
        return conclusion;
    }

    public BooleanBinding hasInputProperty() {
        return hasInput;
    }
}
