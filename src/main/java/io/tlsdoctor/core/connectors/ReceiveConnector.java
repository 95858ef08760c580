package io.tlsdoctor.core.connectors;

import java.util.List;

/**
 * A receive connector as Get-ReceiveConnector reports it (per server; identity {@code SERVER\Name}).
 *
 * @param transportRole FrontendTransport (what Exchange Online meets on port 25) or HubTransport
 */
public record ReceiveConnector(
        String source,
        String identity,
        String server,
        Boolean enabled,
        List<String> bindings,
        String transportRole,
        List<String> authMechanism,
        CertificateName certificate,
        List<String> tlsDomainCapabilities,
        Boolean requireTls,
        String fqdn) {

    public ReceiveConnector {
        bindings = List.copyOf(bindings);
        authMechanism = List.copyOf(authMechanism);
        tlsDomainCapabilities = List.copyOf(tlsDomainCapabilities);
    }

    public boolean frontend() {
        return transportRole == null || transportRole.equalsIgnoreCase("FrontendTransport");
    }

    /** Listens on port 25, where Exchange Online delivers. */
    public boolean onPort25() {
        return bindings.isEmpty()
                || bindings.stream().anyMatch(binding -> binding.strip().endsWith(":25"));
    }
}
