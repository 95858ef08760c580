package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.MailRoute;
import java.util.Optional;

/**
 * Exchange Online wrote the report about mail it could not hand to another organisation's server (Gmail, a
 * partner): the failing hop does not touch the user's servers, so no check here can add to it and no registry change
 * can fix it. Said plainly, with who wrote the report and who refused, before any rule about this server is asked.
 */
final class NotYourServerRule implements Rule {

    @Override
    public Optional<Judgement> judge(CaseFacts facts) {
        if (facts.direction != Direction.EXO_TO_EXTERNAL || !facts.symptom.known()) {
            return Optional.empty();
        }
        MailRoute route = facts.route();
        String remote = route.remoteHost() == null ? "-" : route.remoteHost();
        String generator = route.generatingServer() == null ? "-" : route.generatingServer();
        Judgement judgement = new Judgement(Cause.NOT_YOUR_SERVER)
                .supports(CheckKind.SYMPTOM, Statement.of("diagnosis.notYourServer.route", remote, generator))
                .context(CheckKind.SYMPTOM, facts.symptomStatement())
                .next("diagnosis.next.NOT_YOUR_SERVER.tellRecipient", remote)
                .next("diagnosis.next.NOT_YOUR_SERVER.messageTrace")
                .next("diagnosis.next.NOT_YOUR_SERVER.nothingHere")
                // The report names who wrote it and who refused; nothing on this server could confirm or refute that.
                .confidence(Confidence.MEDIUM);
        return Optional.of(judgement);
    }
}
