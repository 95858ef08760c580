package io.tlsdoctor.core.connectors;

import java.util.List;

/** What the Hybrid Configuration Wizard last wrote (Get-HybridConfiguration): the certificate and servers it chose. */
public record HybridConfiguration(
        String source,
        CertificateName certificate,
        List<String> sendingServers,
        List<String> receivingServers,
        List<String> edgeServers,
        String onPremisesSmartHost,
        List<String> domains) {

    public HybridConfiguration {
        sendingServers = List.copyOf(sendingServers);
        receivingServers = List.copyOf(receivingServers);
        edgeServers = List.copyOf(edgeServers);
        domains = List.copyOf(domains);
    }
}
