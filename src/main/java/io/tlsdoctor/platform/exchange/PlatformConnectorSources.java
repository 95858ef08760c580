package io.tlsdoctor.platform.exchange;

import io.tlsdoctor.core.connectors.ConnectorSource;
import io.tlsdoctor.core.connectors.ConnectorSources;
import io.tlsdoctor.platform.windows.Elevation;

/** The connectors check's sources on this machine: live on Windows, saved output everywhere. */
public final class PlatformConnectorSources implements ConnectorSources {

    @Override
    public boolean liveAvailable() {
        return Elevation.isWindows();
    }

    @Override
    public ConnectorSource live(String server) {
        return ExchangeConnectorSources.live(server);
    }
}
