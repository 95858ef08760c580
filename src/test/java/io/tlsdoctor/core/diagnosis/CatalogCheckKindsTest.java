package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ties the catalogue's "check next" names to the checks the code runs, so neither can grow without the other: every
 * name is either one of TLS Doctor's own checks or declared as done by hand, and every {@link CheckKind} is either
 * reached by some name or declared as not a "check next" at all.
 */
class CatalogCheckKindsTest {

    /** Kinds that are steps of the guided path but never advice for a symptom: what was pasted, the fix, the restart. */
    private static final Set<CheckKind> NOT_ADVICE = EnumSet.of(CheckKind.SYMPTOM, CheckKind.FIX, CheckKind.RESTART);

    private final SymptomCatalog catalog = SymptomCatalog.load();

    @Test
    void everyCheckNameMapsToACheckKindOrIsDeclaredManual() {
        for (String check : catalog.checks().keySet()) {
            String kind = catalog.checkKind(check);
            assertThat(kind).as("catalogue check %s", check).isNotNull();
            if (!kind.equals(CatalogChecks.MANUAL)) {
                assertThat(CheckKind.valueOf(kind)).as("catalogue check %s", check).isNotNull();
            }
        }
    }

    @Test
    void everyCheckKindIsReachableFromTheCatalogueOrDeliberatelyNot() {
        Set<CheckKind> reached = EnumSet.noneOf(CheckKind.class);
        for (SymptomCatalog.Symptom symptom : catalog.allSymptoms()) {
            symptom.nextChecks().forEach(check -> CatalogChecks.kindOf(catalog, check).ifPresent(reached::add));
        }
        for (CheckKind kind : CheckKind.values()) {
            assertThat(reached.contains(kind) || NOT_ADVICE.contains(kind))
                    .as("%s is neither advised by a symptom nor declared as not advice", kind).isTrue();
            assertThat(reached.contains(kind) && NOT_ADVICE.contains(kind)).as("%s declared twice", kind).isFalse();
        }
    }

    @Test
    void everySymptomCodeIsDecidedForThePlanAndTheLookalikeCause() {
        for (SymptomCode code : SymptomCode.values()) {
            boolean lookalike = catalog.symptom(code).category() == io.tlsdoctor.core.evidence.Category.OTHER_CAUSE;
            if (lookalike) {
                assertThat(Lookalikes.causeOf(code)).as("%s: a lookalike names its cause", code).isNotNull();
                assertThat(Lookalikes.logCodes(Lookalikes.causeOf(code)).contains(code) || code.name().contains("CLIENT")
                        || code == SymptomCode.SMTP_AUTH_BLOCKED)
                        .as("%s: the inverse mapping leads back to it (client-side codes never show in this server's logs)", code)
                        .isTrue();
            }
        }
    }
}
