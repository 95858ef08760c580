package io.tlsdoctor.ui.wizard;

import io.tlsdoctor.core.diagnosis.CaseFile;
import io.tlsdoctor.core.diagnosis.CheckMode;
import io.tlsdoctor.core.diagnosis.Provenance;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.SnapshotOrigin;
import java.util.function.Function;

/**
 * Turns what the steps have collected into the case file the diagnosis judges. {@link #assemble} runs on the FX
 * thread (it only copies what the steps left in the session); {@link #signed} adds who and where, which may ask the
 * network for this computer's name, so it runs in the task that judges or writes.
 */
public final class CaseFileAssembler {

    private final Function<CheckMode, Provenance> provenance;

    /** @param provenance who and where, for the mode the checks ran in (the app asks the platform layer) */
    public CaseFileAssembler(Function<CheckMode, Provenance> provenance) {
        this.provenance = provenance;
    }

    /** The case file as the session has it now, without provenance (enough for the check plan). */
    public CaseFile assemble(DiagnosisSession session) {
        String evidence = session.evidenceTextProperty().get();
        return CaseFile.builder(null)
                .pickedSymptom(session.pickedSymptomProperty().get())
                .recognition(session.recognitionProperty().get())
                .evidenceText(evidence == null || evidence.isBlank() ? null : evidence)
                .direction(session.directionProperty().get())
                .registry(session.registryReportProperty().get())
                .probes(session.probes())
                .logs(session.logAnalysisProperty().get())
                .changes(session.changes())
                .restart(session.restartStateProperty().get())
                .rehearsals(session.rehearsals())
                .connectors(session.connectorsProperty().get())
                .build();
    }

    /** The same case file with who ran the checks, where and when; call it off the FX thread. */
    public CaseFile signed(CaseFile file, CheckMode mode) {
        return file.toBuilder().provenance(provenance.apply(mode)).build();
    }

    /** Live only when this machine's own registry was read: anything else is judged from files from the server. */
    public static CheckMode modeOf(DiagnosisSession session) {
        RegistryReport report = session.registryReportProperty().get();
        return report != null && report.origin() == SnapshotOrigin.LIVE ? CheckMode.LIVE : CheckMode.OFFLINE;
    }
}
