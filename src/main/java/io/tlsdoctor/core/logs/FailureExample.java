package io.tlsdoctor.core.logs;

import io.tlsdoctor.core.evidence.SymptomCode;
import java.util.List;

/** The first session that failed for a reason, with its rows as written (in sequence order): the evidence. */
public record FailureExample(SymptomCode reason, Session session, List<String> transcript, boolean transcriptCut) {
    public FailureExample {
        transcript = List.copyOf(transcript);
    }
}
