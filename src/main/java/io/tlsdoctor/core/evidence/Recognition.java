package io.tlsdoctor.core.evidence;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the recogniser made of one piece of evidence.
 *
 * @param detections most important first: seed symptoms, then the same family, then lookalikes
 * @param lineCount  how many lines the evidence had
 * @param source     how the text was read (encoding, whether it was a decoded e-mail)
 * @param route      who wrote the report and who refused, when the evidence is a report that says so
 */
public record Recognition(List<Detection> detections, int lineCount, EvidenceText source, MailRoute route) {

    public Recognition {
        detections = List.copyOf(detections);
        route = route == null ? MailRoute.NONE : route;
    }

    public Recognition(List<Detection> detections, int lineCount, EvidenceText source) {
        this(detections, lineCount, source, MailRoute.NONE);
    }

    public boolean isEmpty() {
        return detections.isEmpty();
    }

    /** The checks the detections call for, most important detection's first, each once. */
    public List<String> nextChecks(SymptomCatalog catalog) {
        Set<String> checks = new LinkedHashSet<>();
        for (Detection detection : detections) {
            checks.addAll(catalog.nextChecks(detection.code(), detection.direction()));
        }
        return List.copyOf(checks);
    }
}
