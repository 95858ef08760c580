package io.tlsdoctor.core.registry;

import io.tlsdoctor.core.domain.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The evaluation of one snapshot: per-protocol results, the TLS 1.2 bottom line and the findings (bottom line first). */
public record RegistryReport(
        SnapshotOrigin origin,
        OsInfo os,
        ExchangeInfo exchange,
        List<ProtocolResult> protocols,
        Tls12 tls12,
        List<Finding> findings) {

    public static final String TLS12_CLIENT = "tls12.client";
    public static final String TLS12_SERVER = "tls12.server";

    public RegistryReport {
        protocols = List.copyOf(protocols);
        findings = List.copyOf(findings);
    }

    public ProtocolResult protocol(Protocol protocol) {
        return protocols.stream()
                .filter(result -> result.protocol() == protocol)
                .findFirst()
                .orElseThrow();
    }

    public Optional<Finding> finding(String id) {
        return findings.stream().filter(finding -> finding.id().equals(id)).findFirst();
    }

    /**
     * The registry that was read has no Exchange setup at all, though it covered where Exchange keeps it: a helpdesk
     * desktop reading its own registry, or exports from the wrong machine. Exchange 2010 counts as Exchange.
     */
    public boolean withoutExchange() {
        return finding("exchange.build")
                .filter(finding -> "notFound".equals(finding.variant()))
                .isPresent();
    }

    /** Ties the bottom line to the symptom: sending to Exchange Online needs the Client side, receiving the Server side. */
    public Verdict verdictFor(Direction direction) {
        List<Role> roles = switch (direction) {
            case ONPREM_TO_EXO -> List.of(Role.CLIENT);
            case EXO_TO_ONPREM -> List.of(Role.SERVER);
            case UNKNOWN -> List.of(Role.CLIENT, Role.SERVER);
            case CLIENT_SUBMISSION, EXO_TO_EXTERNAL -> List.of();
        };
        List<Finding> bottomLine = new ArrayList<>();
        for (Role role : roles) {
            finding(role == Role.CLIENT ? TLS12_CLIENT : TLS12_SERVER).ifPresent(bottomLine::add);
        }
        for (Role role : Role.values()) {
            if (!roles.contains(role) && !roles.isEmpty()) {
                finding(role == Role.CLIENT ? TLS12_CLIENT : TLS12_SERVER).ifPresent(bottomLine::add);
            }
        }
        Boolean ready = roles.isEmpty() ? null : Boolean.TRUE;
        for (Role role : roles) {
            Boolean side = tls12.forRole(role);
            if (side == null) {
                ready = ready == Boolean.FALSE ? Boolean.FALSE : null;
            } else if (!side) {
                ready = Boolean.FALSE;
            }
        }
        return new Verdict(direction, roles, ready, bottomLine);
    }
}
