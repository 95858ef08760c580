package io.tlsdoctor.ui.wizard;

import io.tlsdoctor.core.diagnosis.CaseFile;
import io.tlsdoctor.core.diagnosis.CheckMode;
import io.tlsdoctor.core.diagnosis.Provenance;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.SnapshotOrigin;

import java.util.function.Function;

/**
 * Turns what the steps have collected into the case file the diagnosis judges. Called on the FX thread (it only
 * copies references); the judging and the summary run in tasks.
 */
public final class CaseFileAssembler {

    private final Function<CheckMode, Provenance> provenance;

    /** @param provenance who and where, for the mode the checks ran in (the app asks the platform layer) */
    public CaseFileAssembler(Function<CheckMode, Provenance> provenance) {
        this.provenance = provenance;
    }

    public CaseFile assemble(DiagnosisSession session) {
        String evidence = session.evidenceTextProperty().get();
        return new CaseFile(provenance.apply(modeOf(session)), session.pickedSymptomProperty().get(),
                session.recognitionProperty().get(), evidence == null || evidence.isBlank() ? null : evidence,
                session.directionProperty().get(), session.registryReportProperty().get(), session.probes(),
                session.logAnalysisProperty().get(), session.changes(), session.restartStateProperty().get());
    }

    /** Live only when this machine's own registry was read: anything else is judged from files from the server. */
    public static CheckMode modeOf(DiagnosisSession session) {
        RegistryReport report = session.registryReportProperty().get();
        return report != null && report.origin() == SnapshotOrigin.LIVE ? CheckMode.LIVE : CheckMode.OFFLINE;
    }
}
