package io.tlsdoctor.core.connectors;

import java.util.List;

/**
 * What was read about one organisation's connectors and certificates, on premises and in Exchange Online: a value that
 * can be saved and judged again ({@link ConnectorEvaluator}), whether it came live or from saved output.
 *
 * @param live    read now through the Exchange Management Shell, not from files
 * @param sources the files (or the server) it came from
 */
public record ConnectorSnapshot(
        boolean live,
        List<String> sources,
        List<SendConnector> sendConnectors,
        List<ReceiveConnector> receiveConnectors,
        List<ExchangeCertificate> certificates,
        HybridConfiguration hybrid,
        List<InboundConnector> inboundConnectors,
        List<OutboundConnector> outboundConnectors,
        List<ReadNote> notes) {

    public ConnectorSnapshot {
        sources = List.copyOf(sources);
        sendConnectors = List.copyOf(sendConnectors);
        receiveConnectors = List.copyOf(receiveConnectors);
        certificates = List.copyOf(certificates);
        inboundConnectors = List.copyOf(inboundConnectors);
        outboundConnectors = List.copyOf(outboundConnectors);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return sendConnectors.isEmpty()
                && receiveConnectors.isEmpty()
                && certificates.isEmpty()
                && hybrid == null
                && inboundConnectors.isEmpty()
                && outboundConnectors.isEmpty();
    }
}
