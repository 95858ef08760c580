package io.tlsdoctor.ui.wizard;

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
 * What the user has told TLS Doctor so far, shared by the steps so that no step reaches into another: the symptom
 * they picked, the evidence they pasted or dropped, and what was recognised in it.
 */
public final class DiagnosisSession {

    private final ObjectProperty<SymptomCode> pickedSymptom = new SimpleObjectProperty<>(this, "pickedSymptom");
    private final StringProperty evidenceText = new SimpleStringProperty(this, "evidenceText", "");
    private final StringProperty evidenceSource = new SimpleStringProperty(this, "evidenceSource");
    private final ObjectProperty<Recognition> recognition = new SimpleObjectProperty<>(this, "recognition");
    private final ObjectProperty<LogAnalysis> logAnalysis = new SimpleObjectProperty<>(this, "logAnalysis");
    private final BooleanBinding hasInput = Bindings.createBooleanBinding(
            () -> pickedSymptom.get() != null || !evidenceText.get().isBlank(), pickedSymptom, evidenceText);

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

    /** What the protocol logs showed, once the user had them analysed; null before. */
    public ObjectProperty<LogAnalysis> logAnalysisProperty() {
        return logAnalysis;
    }

    public BooleanBinding hasInputProperty() {
        return hasInput;
    }
}
