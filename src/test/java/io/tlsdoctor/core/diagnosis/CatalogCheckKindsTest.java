package io.tlsdoctor.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Ties the catalogue's "check next" names to the checks the code runs, so neither can grow without the other: every
 * name is either one of TLS Doctor's own checks or declared as done by hand, and every {@link CheckKind} is either
 * reached by some name or declared as not a "check next" at all; and what a symptom's advice names, its plan runs.
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
                assertThat(CheckKind.valueOf(kind))
                        .as("catalogue check %s", check)
                        .isNotNull();
            }
        }
    }

    @Test
    void everyCheckKindIsReachableFromTheCatalogueOrDeliberatelyNot() {
        Set<CheckKind> reached = EnumSet.noneOf(CheckKind.class);
        for (SymptomCatalog.Symptom symptom : catalog.allSymptoms()) {
            symptom.nextChecks()
                    .forEach(check -> CatalogChecks.kindOf(catalog, check).ifPresent(reached::add));
        }
        for (CheckKind kind : CheckKind.values()) {
            assertThat(reached.contains(kind) || NOT_ADVICE.contains(kind))
                    .as("%s is neither advised by a symptom nor declared as not advice", kind)
                    .isTrue();
            assertThat(reached.contains(kind) && NOT_ADVICE.contains(kind))
                    .as("%s declared twice", kind)
                    .isFalse();
        }
    }

    /** What the catalogue tells the user to check next for a code seen in a direction, as TLS Doctor's own checks. */
    private Set<CheckKind> advised(SymptomCode code, Direction direction) {
        Set<CheckKind> kinds = EnumSet.noneOf(CheckKind.class);
        catalog.nextChecks(code, direction)
                .forEach(check -> CatalogChecks.kindOf(catalog, check).ifPresent(kinds::add));
        return kinds;
    }

    @Test
    void everyCheckASymptomAdvisesIsInThePlanForIt() {
        for (SymptomCode code : SymptomCode.values()) {
            Direction direction = catalog.symptom(code).direction();
            CheckPlan plan = CheckPlan.forSymptom(code, direction);
            for (CheckKind kind : advised(code, direction)) {
                assertThat(plan.includes(kind))
                        .as(
                                "%s seen %s: the catalogue advises %s, the plan leaves it out (%s)",
                                code, direction, kind, plan.skipped())
                        .isTrue();
            }
        }
    }

    @Test
    void theConnectorsCheckIsPlannedExactlyWhereTheCatalogueAdvisesIt() {
        for (SymptomCode code : SymptomCode.values()) {
            for (Direction direction : List.of(
                    catalog.symptom(code).direction(),
                    Direction.ONPREM_TO_EXO,
                    Direction.EXO_TO_ONPREM,
                    Direction.UNKNOWN)) {
                if (direction == Direction.CLIENT_SUBMISSION || direction == Direction.EXO_TO_EXTERNAL) {
                    continue; // no server of the user's took part: the plan checks nothing there, advice or not
                }
                assertThat(CheckPlan.forSymptom(code, direction).includes(CheckKind.CONNECTORS))
                        .as("%s seen %s: plan and catalogue agree on the connectors check", code, direction)
                        .isEqualTo(advised(code, direction).contains(CheckKind.CONNECTORS));
            }
        }
    }

    @Test
    void everyLookalikeSymptomNamesItsCauseAndItsLogCodesLeadBack() {
        for (SymptomCode code : SymptomCode.values()) {
            boolean lookalike = catalog.symptom(code).category() == io.tlsdoctor.core.evidence.Category.OTHER_CAUSE;
            if (lookalike) {
                assertThat(Lookalikes.causeOf(code))
                        .as("%s: a lookalike names its cause", code)
                        .isNotNull();
                assertThat(Lookalikes.logCodes(Lookalikes.causeOf(code)).contains(code)
                                || code.name().contains("CLIENT")
                                || code == SymptomCode.SMTP_AUTH_BLOCKED)
                        .as(
                                "%s: the inverse mapping leads back to it (client-side codes never show in this server's logs)",
                                code)
                        .isTrue();
            }
        }
    }
}
