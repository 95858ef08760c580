package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.Recognition;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.registry.RegistryReport;

import java.util.List;

/**
 * Everything collected for one diagnosis, kept apart from what is concluded from it (the wizard and the command
 * line both fill one in; {@link DiagnosisEngine} judges it). A part is null, or empty, when that check did not run.
 *
 * @param pickedSymptom the symptom card the user chose, or null when it was only recognised (or neither)
 * @param recognition   what the recogniser found in the pasted or opened evidence, or null when there was none
 * @param evidenceText  the evidence as the user gave it (for the summary's excerpt), or null
 * @param direction     the mail flow the symptom concerns, {@link Direction#UNKNOWN} when nothing says
 * @param changes       registry changes made on the server in this diagnosis (apply and undo), oldest first
 * @param rehearsals    the fix rehearsed on a copy of the server's export: never a change to the server
 */
public record CaseFile(Provenance provenance, SymptomCode pickedSymptom, Recognition recognition, String evidenceText,
                       Direction direction, RegistryReport registry, List<ProbeEvidence> probes, LogAnalysis logs,
                       List<ApplyResult> changes, RestartState restart, List<Rehearsal> rehearsals) {

    public CaseFile {
        probes = probes == null ? List.of() : List.copyOf(probes);
        changes = changes == null ? List.of() : List.copyOf(changes);
        rehearsals = rehearsals == null ? List.of() : List.copyOf(rehearsals);
        direction = direction == null ? Direction.UNKNOWN : direction;
    }

    /** A case without rehearsals (the command line never rehearses). */
    public CaseFile(Provenance provenance, SymptomCode pickedSymptom, Recognition recognition, String evidenceText,
                    Direction direction, RegistryReport registry, List<ProbeEvidence> probes, LogAnalysis logs,
                    List<ApplyResult> changes, RestartState restart) {
        this(provenance, pickedSymptom, recognition, evidenceText, direction, registry, probes, logs, changes, restart, List.of());
    }
}
