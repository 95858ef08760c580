package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.ChangeResult;
import io.tlsdoctor.core.registry.Role;
import java.util.List;
import java.util.Optional;

/**
 * A case file read once for the rules: the symptom and its direction, the plan it implies, and each check's facts
 * (null or empty when that check did not run). The rules only read this; nothing here decides a cause.
 */
final class CaseFacts {

    final CaseFile file;
    final PrimarySymptom symptom;
    final Direction direction;
    final CheckPlan plan;
    final List<Role> sides;
    /** Null when the registry was not checked. */
    final RegistryFacts registry;

    final ProbeFacts outbound;
    final ProbeFacts inbound;
    /** Null when no logs were read. */
    final LogFacts logs;
    /** Null when the connectors and certificates were not checked. */
    final ConnectorFacts connectors;

    private final SymptomCatalog catalog;

    CaseFacts(CaseFile file, SymptomCatalog catalog) {
        this.file = file;
        this.catalog = catalog;
        this.symptom = PrimarySymptom.of(file.pickedSymptom(), file.recognition(), catalog);
        this.direction = file.direction() != Direction.UNKNOWN ? file.direction() : symptom.direction();
        this.plan = CheckPlan.forSymptom(symptom.code(), direction);
        this.sides = CheckPlan.sidesFor(direction);
        this.registry = file.registry() == null ? null : new RegistryFacts(file.registry());
        this.outbound = ProbeFacts.of(file.probes(), Direction.ONPREM_TO_EXO);
        this.inbound = ProbeFacts.of(file.probes(), Direction.EXO_TO_ONPREM);
        this.logs = file.logs() == null || file.logs().files() == 0 ? null : new LogFacts(file.logs());
        this.connectors = file.connectors() == null ? null : new ConnectorFacts(file.connectors());
    }

    boolean ran(CheckKind kind) {
        return switch (kind) {
            case SYMPTOM -> symptom.known();
            case REGISTRY -> registry != null;
            case PROBE_OUTBOUND -> outbound.ran();
            case PROBE_INBOUND -> inbound.ran();
            case LOGS -> logs != null;
            case CONNECTORS -> connectors != null;
            case FIX -> !file.changes().isEmpty();
            case RESTART -> file.restart() != null;
        };
    }

    /** Who wrote the evidence's report and who refused, when it says. */
    io.tlsdoctor.core.evidence.MailRoute route() {
        return file.recognition() == null
                ? io.tlsdoctor.core.evidence.MailRoute.NONE
                : file.recognition().route();
    }

    /** Needed checks of the plan that did not run. */
    List<CheckKind> missingNeeded() {
        return plan.checks().stream()
                .filter(check -> check.need() == PlannedCheck.Need.NEEDED && !ran(check.kind()))
                .map(PlannedCheck::kind)
                .toList();
    }

    /**
     * TLS 1.2 on one side as it stands now: the registry's answer, or on when TLS Doctor's fix wrote it in this
     * diagnosis (the registry may have been read before the fix). Null when unknown or not checked.
     */
    Boolean tls12Now(Role role) {
        if (fixedHere(role)) {
            return Boolean.TRUE;
        }
        return registry == null ? null : registry.tls12(role);
    }

    /** TLS 1.2 on every side this direction needs: true, false when one is off, null when one is unknown. */
    Boolean tls12Now() {
        if (sides.isEmpty()) {
            return null;
        }
        Boolean all = Boolean.TRUE;
        for (Role role : sides) {
            Boolean side = tls12Now(role);
            if (Boolean.FALSE.equals(side)) {
                return Boolean.FALSE;
            }
            if (side == null) {
                all = null;
            }
        }
        return all;
    }

    /** TLS Doctor's fix set TLS 1.2 for this side in this diagnosis (written now, or found already set). */
    boolean fixedHere(Role role) {
        String suffix = ("\\TLS 1.2\\" + role.keyName()).toLowerCase(java.util.Locale.ROOT);
        return file.changes().stream()
                .filter(change -> change.outcome() == ApplyResult.Outcome.APPLIED)
                .flatMap(change -> change.changes().stream())
                .anyMatch(c -> (c.state() == ChangeResult.State.WRITTEN || c.state() == ChangeResult.State.ALREADY_SET)
                        && c.location()
                                .keyPath()
                                .toLowerCase(java.util.Locale.ROOT)
                                .endsWith(suffix));
    }

    /** The statement about the symptom itself: what was seen (or picked) and how often. */
    Statement symptomStatement() {
        if (symptom.detection() != null) {
            return Statement.of(
                    "diagnosis.symptom.seen",
                    symptom.detection().matchedText(),
                    symptom.detection().occurrences(),
                    symptom.detection().lines().isEmpty()
                            ? "-"
                            : symptom.detection().lines().get(0));
        }
        if (symptom.known()) {
            String example = catalog.symptom(symptom.code()).exampleText();
            return Statement.of(
                    "diagnosis.symptom.picked", example == null ? symptom.code().name() : example);
        }
        return null;
    }

    /** A change TLS Doctor made in this diagnosis and the number of values it wrote. */
    Optional<Statement> changeMade() {
        for (int i = file.changes().size() - 1; i >= 0; i--) {
            ApplyResult change = file.changes().get(i);
            if (change.outcome() == ApplyResult.Outcome.APPLIED && change.changedSomething()) {
                long written = change.changes().stream()
                        .filter(c -> c.state() == ChangeResult.State.WRITTEN)
                        .count();
                return Optional.of(Statement.of(
                        "diagnosis.fix.applied",
                        written,
                        change.store(),
                        change.backupFolder() == null
                                ? "-"
                                : change.backupFolder().toString()));
            }
        }
        return Optional.empty();
    }

    /** The server has not restarted since the settings changed: from TLS Doctor's own change or the registry's dates. */
    boolean restartOutstanding() {
        RestartState restart = file.restart();
        if (restart != null && restart.status() == RestartState.Status.DONE) {
            return false;
        }
        boolean changedHere = changeMade().isPresent();
        boolean waiting = restart != null
                && (restart.status() == RestartState.Status.NEEDED
                        || restart.status() == RestartState.Status.SCHEDULED);
        boolean registrySays =
                registry != null && (registry.changedSinceBoot().isPresent() || registry.restartPending());
        return changedHere || waiting || registrySays;
    }

    /** The handshakes in the directions this mail flow uses (both when the direction is not known). */
    List<ProbeFacts> relevantProbes() {
        return switch (direction) {
            case ONPREM_TO_EXO -> List.of(outbound);
            case EXO_TO_ONPREM -> List.of(inbound);
            case UNKNOWN -> List.of(outbound, inbound);
            case CLIENT_SUBMISSION, EXO_TO_EXTERNAL -> List.of();
        };
    }

    static CheckKind probeKind(ProbeFacts probe) {
        return probe.direction() == Direction.EXO_TO_ONPREM ? CheckKind.PROBE_INBOUND : CheckKind.PROBE_OUTBOUND;
    }
}
