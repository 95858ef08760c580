package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.connectors.ConnectorReport;
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
 * <p>Build one with {@link #builder(Provenance)} and copy one with {@link #toBuilder()}, never with the positional
 * constructor (ArchitectureTest keeps it so): a new check then adds one component here and one setter to
 * {@link Builder}, and no call site changes.
 *
 * @param pickedSymptom the symptom card the user chose, or null when it was only recognised (or neither)
 * @param recognition   what the recogniser found in the pasted or opened evidence, or null when there was none
 * @param evidenceText  the evidence as the user gave it (for the summary's excerpt), or null
 * @param direction     the mail flow the symptom concerns, {@link Direction#UNKNOWN} when nothing says
 * @param changes       registry changes made on the server in this diagnosis (apply and undo), oldest first
 * @param rehearsals    the fix rehearsed on a copy of the server's export: never a change to the server
 * @param connectors    Exchange's connectors and certificates as the connectors check judged them, or null
 */
public record CaseFile(
        Provenance provenance,
        SymptomCode pickedSymptom,
        Recognition recognition,
        String evidenceText,
        Direction direction,
        RegistryReport registry,
        List<ProbeEvidence> probes,
        LogAnalysis logs,
        List<ApplyResult> changes,
        RestartState restart,
        List<Rehearsal> rehearsals,
        ConnectorReport connectors) {

    public CaseFile {
        probes = probes == null ? List.of() : List.copyOf(probes);
        changes = changes == null ? List.of() : List.copyOf(changes);
        rehearsals = rehearsals == null ? List.of() : List.copyOf(rehearsals);
        direction = direction == null ? Direction.UNKNOWN : direction;
    }

    /** A case where nothing ran yet; provenance may be null while the wizard only plans the checks. */
    public static Builder builder(Provenance provenance) {
        return new Builder().provenance(provenance);
    }

    /** A builder holding every part of this case, to change a few of them. */
    public Builder toBuilder() {
        return new Builder()
                .provenance(provenance)
                .pickedSymptom(pickedSymptom)
                .recognition(recognition)
                .evidenceText(evidenceText)
                .direction(direction)
                .registry(registry)
                .probes(probes)
                .logs(logs)
                .changes(changes)
                .restart(restart)
                .rehearsals(rehearsals)
                .connectors(connectors);
    }

    /** The one way to assemble a case; a part left unset is "did not run" (null, or empty for lists). */
    public static final class Builder {
        private Provenance provenance;
        private SymptomCode pickedSymptom;
        private Recognition recognition;
        private String evidenceText;
        private Direction direction;
        private RegistryReport registry;
        private List<ProbeEvidence> probes;
        private LogAnalysis logs;
        private List<ApplyResult> changes;
        private RestartState restart;
        private List<Rehearsal> rehearsals;
        private ConnectorReport connectors;

        private Builder() {}

        public Builder provenance(Provenance value) {
            provenance = value;
            return this;
        }

        public Builder pickedSymptom(SymptomCode value) {
            pickedSymptom = value;
            return this;
        }

        public Builder recognition(Recognition value) {
            recognition = value;
            return this;
        }

        public Builder evidenceText(String value) {
            evidenceText = value;
            return this;
        }

        public Builder direction(Direction value) {
            direction = value;
            return this;
        }

        public Builder registry(RegistryReport value) {
            registry = value;
            return this;
        }

        public Builder probes(List<ProbeEvidence> value) {
            probes = value;
            return this;
        }

        public Builder logs(LogAnalysis value) {
            logs = value;
            return this;
        }

        public Builder changes(List<ApplyResult> value) {
            changes = value;
            return this;
        }

        public Builder restart(RestartState value) {
            restart = value;
            return this;
        }

        public Builder rehearsals(List<Rehearsal> value) {
            rehearsals = value;
            return this;
        }

        public Builder connectors(ConnectorReport value) {
            connectors = value;
            return this;
        }

        public CaseFile build() {
            return new CaseFile(
                    provenance,
                    pickedSymptom,
                    recognition,
                    evidenceText,
                    direction,
                    registry,
                    probes,
                    logs,
                    changes,
                    restart,
                    rehearsals,
                    connectors);
        }
    }
}
