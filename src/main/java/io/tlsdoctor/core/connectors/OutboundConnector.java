package io.tlsdoctor.core.connectors;

import java.util.List;

/**
 * An Exchange Online outbound connector (Get-OutboundConnector): for hybrid, the one of type OnPremises that delivers
 * to the on-premises smart host and checks its certificate for {@code TlsDomain}.
 *
 * @param tlsSettings EncryptionOnly, CertificateValidation, DomainValidation or null
 */
public record OutboundConnector(
        String source,
        String name,
        Boolean enabled,
        String connectorType,
        String connectorSource,
        List<String> recipientDomains,
        List<String> smartHosts,
        Boolean useMxRecord,
        String tlsSettings,
        String tlsDomain) {

    public OutboundConnector {
        recipientDomains = List.copyOf(recipientDomains);
        smartHosts = List.copyOf(smartHosts);
    }

    public boolean toOnPremises() {
        return connectorType == null || connectorType.equalsIgnoreCase("OnPremises");
    }
}
