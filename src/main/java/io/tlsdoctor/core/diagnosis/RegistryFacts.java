package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.registry.Finding;
import io.tlsdoctor.core.registry.Protocol;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.Role;
import io.tlsdoctor.core.registry.SideResult;
import io.tlsdoctor.core.registry.SnapshotOrigin;
import java.util.Locale;
import java.util.Optional;

/** What the registry check says, as statements with the concrete values (the keys and what they hold). */
final class RegistryFacts {

    private final RegistryReport report;

    RegistryFacts(RegistryReport report) {
        this.report = report;
    }

    /** Whether SChannel uses TLS 1.2 by default on this side; null when the registry does not settle it. */
    Boolean tls12(Role role) {
        return report.tls12().forRole(role);
    }

    /** "TLS 1.2 is switched off for the SChannel Client side (registry: Enabled=0, DisabledByDefault=1 under ...)". */
    Statement side(Role role) {
        SideResult side = report.protocol(Protocol.TLS_1_2).side(role);
        String state = switch (side.state()) {
            case ENABLED -> "on";
            case DISABLED -> "off";
            case DISABLED_BY_DEFAULT -> "notDefault";
            default -> "unknown";
        };
        return Statement.of(
                "diagnosis.registry." + role + "." + state,
                Texts.value(side.enabled()),
                Texts.value(side.disabledByDefault()),
                side.path().replace("HKEY_LOCAL_MACHINE\\", "HKLM\\"));
    }

    Statement source() {
        return Statement.of(
                report.origin() == SnapshotOrigin.LIVE
                        ? "diagnosis.registry.source.live"
                        : "diagnosis.registry.source.files",
                report.os() == null || report.os().name() == null
                        ? "-"
                        : report.os().name());
    }

    /** TLS keys written since the last boot: SChannel has not read them yet (live only). */
    Optional<Statement> changedSinceBoot() {
        return variant("restart.tlsChanged", "yes")
                .map(finding -> Statement.of("diagnosis.registry.changedSinceBoot", lastBootOf(finding)));
    }

    /** Windows itself waits for a restart (updates, file renames). */
    boolean restartPending() {
        return variant("restart.pending", "pending").isPresent();
    }

    /**
     * The registry that was read has no Exchange setup at all: a helpdesk desktop reading its own registry, or exports
     * from the wrong machine. Its SChannel settings then say nothing about the Exchange server.
     */
    Optional<Statement> notAnExchangeServer() {
        if (!report.withoutExchange()) {
            return Optional.empty();
        }
        return Optional.of(Statement.of(
                report.origin() == SnapshotOrigin.LIVE
                        ? "diagnosis.registry.notExchange.live"
                        : "diagnosis.registry.notExchange.files"));
    }

    Optional<Statement> exchangeTooOld() {
        return variant("exchange.build", "tooOld")
                .map(finding -> Statement.of(
                        "diagnosis.registry.exchangeTooOld",
                        report.exchange() == null ? "-" : report.exchange().display()));
    }

    Optional<Statement> osTooOld() {
        return report.finding("os.support")
                .filter(f -> f.variant().startsWith("old"))
                .map(finding -> Statement.of(
                        "diagnosis.registry.osTooOld",
                        report.os().name() == null ? "-" : report.os().name()));
    }

    /** No cipher suite Exchange Online accepts is left (a hardening GPO): TLS 1.2 on, handshake still fails. */
    Optional<Statement> noExoCiphers() {
        return variant("ciphers.exo", "none").map(finding -> Statement.of("diagnosis.registry.noExoCiphers"));
    }

    private Optional<Finding> variant(String id, String variant) {
        return report.finding(id).filter(finding -> variant.equals(finding.variant()));
    }

    private String lastBootOf(Finding finding) {
        // The evaluator words the boot time into its detail; the snapshot keeps no separate field in the report.
        String detail = finding.detail().in(Locale.ENGLISH);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z")
                .matcher(detail);
        return m.find() ? Texts.time(java.time.Instant.parse(m.group())) : "-";
    }
}
