package io.tlsdoctor.core.diagnosis;

import java.util.Optional;

/** One family of causes: says whether the case is one of them, and builds the evidence chain if it is. */
interface Rule {

    /** The judgement for this family, or empty when the case is not one of its causes (the next rule is asked). */
    Optional<Judgement> judge(CaseFacts facts);
}
