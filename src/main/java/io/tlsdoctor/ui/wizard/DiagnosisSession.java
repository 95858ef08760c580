package io.tlsdoctor.ui.wizard;

import io.tlsdoctor.core.connectors.ConnectorReport;
import io.tlsdoctor.core.diagnosis.Conclusion;
import io.tlsdoctor.core.diagnosis.ProbeEvidence;
import io.tlsdoctor.core.diagnosis.Rehearsal;
import io.tlsdoctor.core.diagnosis.RestartState;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.Recognition;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.Tls12;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * What the user has told TLS Doctor so far and what the checks found, shared by the steps so that no step reaches
 * into another: the symptom, the evidence and what was recognised in it, then each check's result and each change.
 *
 * <p>Every step reads everything through read-only properties and lists; a step writes only through the
 * {@code record…} method named for what it found, so no step can overwrite another's evidence by accident and a
 * reader sees in one place who writes what. A new kind of check adds one read-only property and one record method.
 */
public final class DiagnosisSession {

    private final ReadOnlyObjectWrapper<SymptomCode> pickedSymptom = new ReadOnlyObjectWrapper<>(this, "pickedSymptom");
    private final ReadOnlyStringWrapper evidenceText = new ReadOnlyStringWrapper(this, "evidenceText", "");
    private final ReadOnlyStringWrapper evidenceSource = new ReadOnlyStringWrapper(this, "evidenceSource");
    private final ReadOnlyObjectWrapper<Recognition> recognition = new ReadOnlyObjectWrapper<>(this, "recognition");
    private final ReadOnlyObjectWrapper<Direction> direction =
            new ReadOnlyObjectWrapper<>(this, "direction", Direction.UNKNOWN);
    private final ReadOnlyObjectWrapper<RegistrySnapshot> registrySnapshot =
            new ReadOnlyObjectWrapper<>(this, "registrySnapshot");
    private final ReadOnlyObjectWrapper<RegistryReport> registryReport =
            new ReadOnlyObjectWrapper<>(this, "registryReport");
    private final ObservableList<Path> registryExports = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ApplyResult> lastChange = new ReadOnlyObjectWrapper<>(this, "lastChange");
    private final ReadOnlyObjectWrapper<LogAnalysis> logAnalysis = new ReadOnlyObjectWrapper<>(this, "logAnalysis");
    private final ReadOnlyObjectWrapper<ConnectorReport> connectors = new ReadOnlyObjectWrapper<>(this, "connectors");
    private final ObservableList<ProbeEvidence> probes = FXCollections.observableArrayList();
    private final ObservableList<ApplyResult> changes = FXCollections.observableArrayList();
    private final ObservableList<Rehearsal> rehearsals = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Conclusion> conclusion = new ReadOnlyObjectWrapper<>(this, "conclusion");
    private final ReadOnlyObjectWrapper<RestartState> restartState = new ReadOnlyObjectWrapper<>(this, "restartState");
    private final BooleanBinding hasInput = Bindings.createBooleanBinding(
            () -> pickedSymptom.get() != null || !evidenceText.get().isBlank(), pickedSymptom, evidenceText);

    // the views handed to the steps: they follow the lists above and refuse to change them
    private final ObservableList<Path> registryExportsView = FXCollections.unmodifiableObservableList(registryExports);
    private final ObservableList<ProbeEvidence> probesView = FXCollections.unmodifiableObservableList(probes);
    private final ObservableList<ApplyResult> changesView = FXCollections.unmodifiableObservableList(changes);
    private final ObservableList<Rehearsal> rehearsalsView = FXCollections.unmodifiableObservableList(rehearsals);

    public DiagnosisSession() {
        // new evidence from a check makes the kept conclusion stale: whoever needs one judges afresh
        registrySnapshot.addListener((obs, old, value) -> conclusion.set(null));
        logAnalysis.addListener((obs, old, value) -> conclusion.set(null));
        connectors.addListener((obs, old, value) -> conclusion.set(null));
        probes.addListener((ListChangeListener<ProbeEvidence>) change -> conclusion.set(null));
    }

    // == What every step reads ==

    public ReadOnlyObjectProperty<SymptomCode> pickedSymptomProperty() {
        return pickedSymptom.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty evidenceTextProperty() {
        return evidenceText.getReadOnlyProperty();
    }

    /** The file the evidence came from, or null when it was pasted or typed. */
    public ReadOnlyStringProperty evidenceSourceProperty() {
        return evidenceSource.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Recognition> recognitionProperty() {
        return recognition.getReadOnlyProperty();
    }

    /** Which way the failing mail flows, as far as the symptom tells; it picks the SChannel side the checks judge. */
    public ReadOnlyObjectProperty<Direction> directionProperty() {
        return direction.getReadOnlyProperty();
    }

    /** What the registry check read (kept so the fix is planned from exactly what was judged). */
    public ReadOnlyObjectProperty<RegistrySnapshot> registrySnapshotProperty() {
        return registrySnapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RegistryReport> registryReportProperty() {
        return registryReport.getReadOnlyProperty();
    }

    /** The .reg files the registry check read, empty when it read the live registry. */
    public ObservableList<Path> registryExports() {
        return registryExportsView;
    }

    /** The last change made to the server's registry in this session (apply or undo), for the restart step. */
    public ReadOnlyObjectProperty<ApplyResult> lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }

    /** What the protocol logs showed, once the user had them analysed; null before. */
    public ReadOnlyObjectProperty<LogAnalysis> logAnalysisProperty() {
        return logAnalysis.getReadOnlyProperty();
    }

    /** Exchange's connectors and certificates as the connectors check judged them; null until it ran. */
    public ReadOnlyObjectProperty<ConnectorReport> connectorsProperty() {
        return connectors.getReadOnlyProperty();
    }

    /** Every target the connection test finished, with the mail flow it stands for; replaced on each new test. */
    public ObservableList<ProbeEvidence> probes() {
        return probesView;
    }

    /** Every change made to the server's registry in this session (apply and undo), oldest first; never a rehearsal. */
    public ObservableList<ApplyResult> changes() {
        return changesView;
    }

    /** The fix rehearsed on a copy of the server's export (and undone there), oldest first: not changes to the server. */
    public ObservableList<Rehearsal> rehearsals() {
        return rehearsalsView;
    }

    /** The last rehearsal, or null when there was none. */
    public Rehearsal lastRehearsal() {
        return rehearsals.isEmpty() ? null : rehearsals.get(rehearsals.size() - 1);
    }

    /** Where the restart stands, once the restart step has looked; null before. */
    public ReadOnlyObjectProperty<RestartState> restartStateProperty() {
        return restartState.getReadOnlyProperty();
    }

    /** What the diagnosis step concluded from the checks (before any fix); null until it has, and again once a check brings new evidence. */
    public ReadOnlyObjectProperty<Conclusion> conclusionProperty() {
        return conclusion.getReadOnlyProperty();
    }

    public BooleanBinding hasInputProperty() {
        return hasInput;
    }

    // == What the symptom step records (and the restart step, resuming a saved diagnosis) ==

    /** The symptom card the user chose, or null for none. */
    public void pickSymptom(SymptomCode code) {
        pickedSymptom.set(code);
    }

    /** The evidence the user pasted, typed or opened; {@code sourceName} is the file's name, null when pasted or typed. */
    public void recordEvidence(String text, String sourceName) {
        evidenceText.set(text == null ? "" : text);
        evidenceSource.set(sourceName);
    }

    /** What the recogniser found in the evidence (null while it has found nothing). */
    public void recordRecognition(Recognition value) {
        recognition.set(value);
    }

    /** The mail flow the symptom concerns. */
    public void recordDirection(Direction value) {
        direction.set(value);
    }

    // == What the checks record ==

    /** The registry check's read and judgement, with the .reg files it read (none when it read the live registry). */
    public void recordRegistry(RegistrySnapshot snapshot, RegistryReport report, List<Path> exports) {
        registrySnapshot.set(snapshot);
        registryReport.set(report);
        registryExports.setAll(exports);
    }

    /** The registry read again after a change took effect (the restart step): the settings now in force. */
    public void recordRegistryRechecked(RegistryReport report) {
        registryReport.set(report);
    }

    /** A new connection test begins: the last one's targets no longer stand. */
    public void startProbes() {
        probes.clear();
    }

    /** One target the connection test finished. */
    public void recordProbe(ProbeEvidence evidence) {
        probes.add(evidence);
    }

    /** What the protocol logs showed. */
    public void recordLogs(LogAnalysis analysis) {
        logAnalysis.set(analysis);
    }

    /** What the connectors check found in Exchange's connectors and certificates. */
    public void recordConnectors(ConnectorReport report) {
        connectors.set(report);
    }

    // == What the diagnosis, the fix and the restart record ==

    /** The diagnosis drawn from the checks, or null to withdraw the last one while judging again. */
    public void recordConclusion(Conclusion value) {
        conclusion.set(value);
    }

    /** A change made to the server's registry (apply or undo). */
    public void recordChange(ApplyResult change) {
        lastChange.set(change);
        changes.add(change);
    }

    /** The changes made before a restart, from a saved diagnosis resumed after it. */
    public void restoreChanges(List<ApplyResult> saved) {
        changes.setAll(saved);
    }

    /** The fix rehearsed on a copy of the server's export, not yet checked again. */
    public void recordRehearsal(ApplyResult onCopy) {
        rehearsals.add(new Rehearsal(onCopy, null));
    }

    /** The last rehearsal's copy, read again: what TLS 1.2 is there now. */
    public void recordRehearsalVerified(Tls12 after) {
        Rehearsal last = lastRehearsal();
        if (last != null) {
            rehearsals.set(rehearsals.size() - 1, last.verifiedAs(after));
        }
    }

    /** Where the restart stands. */
    public void recordRestart(RestartState state) {
        restartState.set(state);
    }
}
