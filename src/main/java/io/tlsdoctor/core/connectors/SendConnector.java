package io.tlsdoctor.core.connectors;

import java.util.List;

/** A send connector as Get-SendConnector reports it (org-wide; the name is its identity). Null: not in the output. */
public record SendConnector(
        String source,
        String name,
        Boolean enabled,
        List<String> addressSpaces,
        Boolean dnsRouting,
        List<String> smartHosts,
        Boolean requireTls,
        String tlsAuthLevel,
        String tlsDomain,
        CertificateName certificate,
        Boolean cloudServicesMail,
        List<String> sourceServers,
        String fqdn,
        Boolean ignoreStartTls) {

    public SendConnector {
        addressSpaces = List.copyOf(addressSpaces);
        smartHosts = List.copyOf(smartHosts);
        sourceServers = List.copyOf(sourceServers);
    }
}
