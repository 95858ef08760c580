package io.tlsdoctor.ui.step.diagnosis;

import io.tlsdoctor.core.diagnosis.EvidenceLink;

/** One link of the evidence chain as shown: how it bears on the conclusion, which check said it, and what it said. */
public record ChainItem(EvidenceLink.Bearing bearing, String source, String text) {

    /** The bearing's name, for the view's message key and style class (the view knows no core types). */
    public String bearingName() {
        return bearing.name();
    }
}
