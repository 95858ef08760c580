package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.evidence.SymptomCatalog;
import java.util.Optional;

/** The catalogue's "check next" names read as the checks TLS Doctor runs (the mapping itself is catalogue data). */
public final class CatalogChecks {

    /** The catalogue's word for a check the user does by hand. */
    public static final String MANUAL = "MANUAL";

    private CatalogChecks() {}

    /**
     * The check TLS Doctor runs for a catalogue check, empty when the user does it by hand.
     *
     * @throws IllegalStateException when the catalogue names neither a {@link CheckKind} nor {@value #MANUAL}
     */
    public static Optional<CheckKind> kindOf(SymptomCatalog catalog, String check) {
        String kind = catalog.checkKind(check);
        if (kind == null) {
            throw new IllegalStateException("symptom catalog: no check kind for " + check);
        }
        return kind.equals(MANUAL) ? Optional.empty() : Optional.of(CheckKind.valueOf(kind));
    }
}
