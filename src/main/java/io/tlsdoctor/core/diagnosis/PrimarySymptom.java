package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.Category;
import io.tlsdoctor.core.evidence.Detection;
import io.tlsdoctor.core.evidence.Recognition;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;

/**
 * The symptom a diagnosis is about: the most important detection in the evidence (the recogniser sorts seed
 * symptoms first), else the card the user picked. Evidence wins because it says more (the direction, the exact text).
 *
 * @param code      null when nothing was picked or recognised
 * @param detection what was recognised, or null when the symptom was only picked
 */
public record PrimarySymptom(SymptomCode code, Category category, Direction direction, Detection detection) {

    public static PrimarySymptom of(SymptomCode picked, Recognition recognition, SymptomCatalog catalog) {
        if (recognition != null && !recognition.isEmpty()) {
            Detection first = recognition.detections().get(0);
            Direction direction = first.direction() != Direction.UNKNOWN
                    ? first.direction()
                    : catalog.symptom(first.code()).direction();
            return new PrimarySymptom(first.code(), first.category(), direction, first);
        }
        if (picked != null) {
            SymptomCatalog.Symptom symptom = catalog.symptom(picked);
            return new PrimarySymptom(picked, symptom.category(), symptom.direction(), null);
        }
        return new PrimarySymptom(null, null, Direction.UNKNOWN, null);
    }

    public boolean known() {
        return code != null;
    }

    /** One of the TLS-version forms (the four seed symptoms and their family). */
    public boolean tlsFamily() {
        return category == Category.SEED_SYMPTOM || category == Category.TLS_FAMILY;
    }

    public boolean lookalike() {
        return category == Category.OTHER_CAUSE;
    }
}
