package io.tlsdoctor.core.connectors;

/**
 * Where the connectors and certificates are read from: the Exchange Management Shell live (platform, Windows) or
 * output an admin saved ({@link SavedConnectorOutput}, anywhere). Collection only: judging is {@link ConnectorEvaluator}'s.
 */
public interface ConnectorSource {

    /** @throws ConnectorInputException when nothing usable could be read; the message says why and what to do */
    ConnectorSnapshot collect() throws ConnectorInputException;
}
