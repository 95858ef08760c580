package io.tlsdoctor.core.connectors;

import java.util.List;

/**
 * An Exchange Online inbound connector (Get-InboundConnector): for hybrid, the one of type OnPremises that accepts
 * the on-premises servers' mail by their certificate's name ({@code TlsSenderCertificateName}, a host or
 * {@code *.domain} name, not the {@code <I><S>} form).
 */
public record InboundConnector(
        String source,
        String name,
        Boolean enabled,
        String connectorType,
        String connectorSource,
        Boolean requireTls,
        String tlsSenderCertificateName,
        List<String> senderDomains,
        Boolean restrictDomainsToCertificate) {

    public InboundConnector {
        senderDomains = List.copyOf(senderDomains);
    }

    public boolean fromOnPremises() {
        return connectorType == null || connectorType.equalsIgnoreCase("OnPremises");
    }
}
