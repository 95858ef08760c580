package io.tlsdoctor.core.connectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Sorts the objects read from saved output into what they are: send and receive connectors, certificates, the hybrid
 * configuration, Exchange Online's connectors. By type name when the form keeps it (CLIXML, some JSON), else by the
 * properties only that cmdlet prints; collection only, no judgement.
 */
public final class ConnectorObjects {

    private final List<SendConnector> sends = new ArrayList<>();
    private final List<ReceiveConnector> receives = new ArrayList<>();
    private final List<ExchangeCertificate> certificates = new ArrayList<>();
    private final List<InboundConnector> inbounds = new ArrayList<>();
    private final List<OutboundConnector> outbounds = new ArrayList<>();
    private final List<ReadNote> notes = new ArrayList<>();
    private HybridConfiguration hybrid;
    private int unknown;

    /** Adds the objects of one file; returns how many of them were recognised. */
    public int add(List<PsObject> objects) {
        int known = 0;
        for (PsObject object : objects) {
            if (addOne(object)) {
                known++;
            } else {
                unknown++;
            }
            object.properties().forEach((name, value) -> {
                if (value.truncated() && MATTERS.contains(name.toLowerCase(Locale.ROOT))) {
                    notes.add(ReadNote.of("connectors.note.truncated", object.source(), name));
                }
            });
        }
        return known;
    }

    public void note(ReadNote note) {
        notes.add(note);
    }

    public ConnectorSnapshot snapshot(boolean live, List<String> sources) {
        List<ReadNote> all = new ArrayList<>(notes);
        if (unknown > 0) {
            all.add(ReadNote.of("connectors.note.unknownObjects", String.valueOf(unknown)));
        }
        return new ConnectorSnapshot(live, sources, sends, receives, certificates, hybrid, inbounds, outbounds, all);
    }

    /** The properties whose cut-off values change a verdict. */
    private static final List<String> MATTERS = List.of(
            "addressspaces",
            "smarthosts",
            "sourcetransportservers",
            "certificatedomains",
            "tlsdomaincapabilities",
            "bindings",
            "receivingtransportservers",
            "sendingtransportservers",
            "tlscertificatename",
            "services",
            "authmechanism");

    private boolean addOne(PsObject o) {
        if (o.isType("SmtpSendConnectorConfig")
                || o.hasAll("AddressSpaces", "SmartHosts") && o.has("DNSRoutingEnabled")) {
            sends.add(send(o));
        } else if (o.isType("ReceiveConnector") || o.hasAll("Bindings", "RemoteIPRanges")) {
            receives.add(receive(o));
        } else if (o.isType("ExchangeCertificate")
                || o.has("Thumbprint")
                        && (o.has("CertificateDomains")
                                || o.has("NotAfter")
                                || o.has("NotAfterUtc")
                                || o.has("Domains"))
                || o.has("RawData") && !o.has("SmartHosts")) {
            ExchangeCertificate certificate = certificate(o);
            if (certificate == null) {
                return false;
            }
            certificates.add(certificate);
        } else if (o.isType("HybridConfiguration") || o.hasAll("OnPremisesSmartHost", "SendingTransportServers")) {
            hybrid = hybrid(o);
        } else if (o.isType("InboundConnector")
                || o.has("SenderDomains") && (o.has("TlsSenderCertificateName") || o.has("SenderIPAddresses"))) {
            inbounds.add(inbound(o));
        } else if (o.isType("OutboundConnector")
                || o.has("RecipientDomains") && (o.has("TlsSettings") || o.has("UseMXRecord"))) {
            outbounds.add(outbound(o));
        } else {
            return false;
        }
        return true;
    }

    private static SendConnector send(PsObject o) {
        return new SendConnector(
                o.source(),
                first(o, "Name", "Identity"),
                o.get("Enabled").bool(),
                list(o, "AddressSpaces"),
                o.get("DNSRoutingEnabled").bool(),
                list(o, "SmartHosts"),
                o.get("RequireTLS").bool(),
                o.text("TlsAuthLevel"),
                o.text("TlsDomain"),
                certificateName(o),
                o.get("CloudServicesMailEnabled").bool(),
                list(o, "SourceTransportServers"),
                o.text("Fqdn"),
                o.get("IgnoreSTARTTLS").bool());
    }

    private static ReceiveConnector receive(PsObject o) {
        String identity = first(o, "Identity", "Name");
        String server = o.text("Server");
        if (server == null && identity != null && identity.contains("\\")) {
            server = identity.substring(0, identity.indexOf('\\'));
        }
        if (identity != null && !identity.contains("\\") && server != null) {
            identity = server + "\\" + identity;
        }
        return new ReceiveConnector(
                o.source(),
                identity,
                server,
                o.get("Enabled").bool(),
                list(o, "Bindings"),
                o.text("TransportRole"),
                list(o, "AuthMechanism"),
                certificateName(o),
                list(o, "TlsDomainCapabilities"),
                o.get("RequireTLS").bool(),
                o.text("Fqdn"));
    }

    private static HybridConfiguration hybrid(PsObject o) {
        return new HybridConfiguration(
                o.source(),
                certificateName(o),
                list(o, "SendingTransportServers"),
                list(o, "ReceivingTransportServers"),
                list(o, "EdgeTransportServers"),
                o.text("OnPremisesSmartHost"),
                list(o, "Domains"));
    }

    private static InboundConnector inbound(PsObject o) {
        return new InboundConnector(
                o.source(),
                first(o, "Name", "Identity"),
                o.get("Enabled").bool(),
                o.text("ConnectorType"),
                o.text("ConnectorSource"),
                o.get("RequireTls").bool(),
                o.text("TlsSenderCertificateName"),
                list(o, "SenderDomains"),
                o.get("RestrictDomainsToCertificate").bool());
    }

    private static OutboundConnector outbound(PsObject o) {
        return new OutboundConnector(
                o.source(),
                first(o, "Name", "Identity"),
                o.get("Enabled").bool(),
                o.text("ConnectorType"),
                o.text("ConnectorSource"),
                list(o, "RecipientDomains"),
                list(o, "SmartHosts"),
                o.get("UseMXRecord").bool(),
                o.text("TlsSettings"),
                o.text("TlsDomain"));
    }

    private static ExchangeCertificate certificate(PsObject o) {
        if (!o.has("Thumbprint") && o.has("RawData")) {
            return RawCertificate.read(o);
        }
        String identity = o.text("Identity");
        String server = identity != null && identity.contains("\\")
                ? identity.substring(0, identity.indexOf('\\'))
                : o.text("Server");
        List<String> services = o.has("Services") ? list(o, "Services") : null;
        if (services != null && services.size() == 1 && services.get(0).matches("\\d+")) {
            services = AllowedServices.names(Integer.parseInt(services.get(0)));
        }
        List<String> domains = list(o, o.has("CertificateDomains") ? "CertificateDomains" : "Domains");
        return new ExchangeCertificate(
                o.source(),
                server,
                o.text("Thumbprint"),
                new DistinguishedName(o.text("Subject")),
                new DistinguishedName(o.text("Issuer")),
                domains,
                PsDate.parse(first(o, "NotAfter", "NotAfterUtc")),
                services,
                o.text("Status"),
                o.get("IsSelfSigned").bool(),
                o.get("HasPrivateKey").bool(),
                o.text("RootCAType"));
    }

    /**
     * TlsCertificateName as text; a CLIXML or JSON export may give it as its two parts (CertificateIssuer and
     * CertificateSubject), which {@link PsObject} readers flatten to {@code TlsCertificateName.CertificateIssuer}.
     */
    private static CertificateName certificateName(PsObject o) {
        String issuer = o.text("TlsCertificateName.CertificateIssuer");
        String subject = o.text("TlsCertificateName.CertificateSubject");
        if (issuer != null && subject != null) {
            return CertificateName.parse("<I>" + issuer + "<S>" + subject);
        }
        return CertificateName.parse(o.text("TlsCertificateName"));
    }

    private static String first(PsObject o, String... names) {
        for (String name : names) {
            String value = o.text(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /**
     * A multi-valued property's items. Flags enums print without braces ({@code Tls, Integrated}) and flattened
     * exports join with {@code ;}: both are split here. Address spaces ({@code smtp:*;1}) keep their own {@code ;}.
     */
    static List<String> list(PsObject o, String name) {
        PsValue value = o.get(name);
        List<String> items = new ArrayList<>();
        for (String item : value.items()) {
            if (!value.multi()) {
                String separator = item.contains(";")
                                && !name.equalsIgnoreCase("AddressSpaces")
                                && !name.equalsIgnoreCase("SenderDomains")
                        ? ";"
                        : ",";
                Arrays.stream(item.split(separator))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .forEach(items::add);
            } else if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
