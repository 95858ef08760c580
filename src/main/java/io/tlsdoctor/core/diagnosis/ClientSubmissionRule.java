package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.SymptomCode;
import java.util.Optional;

/**
 * A device or application submitting with SMTP AUTH (421 4.7.66, 530/451 STARTTLS from smtp.office365.com): the
 * evidence names the cause and nothing on this server takes part, so no check here can add to it.
 */
final class ClientSubmissionRule implements Rule {

    @Override
    public Optional<Judgement> judge(CaseFacts facts) {
        if (facts.direction != Direction.CLIENT_SUBMISSION || !facts.symptom.known()) {
            return Optional.empty();
        }
        Judgement judgement = new Judgement(Cause.CLIENT_SUBMISSION)
                .supports(CheckKind.SYMPTOM, facts.symptomStatement())
                .context(CheckKind.SYMPTOM, Statement.of("diagnosis.clientSubmission.notThisServer"))
                // a refused sign-in needs the account looked at, not the device's TLS
                .next(
                        facts.symptom.code() == SymptomCode.SMTP_AUTH_BLOCKED
                                ? "diagnosis.next.SMTP_AUTH_BLOCKED"
                                : "diagnosis.next.CLIENT_SUBMISSION")
                // The recogniser's text is specific (4.7.66, STARTTLS on 587), and no check here could add to it.
                .confidence(Confidence.MEDIUM);
        return Optional.of(judgement);
    }
}
