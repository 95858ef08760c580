package io.tlsdoctor.core.connectors;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The saved cmdlet output under src/test/resources/io/tlsdoctor/core/connectors, and the day the scenarios are judged. */
final class Corpus {

    /** Fixed, so that "expires in 30 days" does not drift with the calendar. */
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private Corpus() {}

    static Path file(String name) {
        try {
            return Path.of(Corpus.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("corpus file missing: " + name, e);
        }
    }

    static ConnectorSnapshot read(String... names) throws ConnectorInputException {
        return new SavedConnectorOutput(Arrays.stream(names).map(Corpus::file).toList()).collect();
    }

    static ConnectorReport judge(String... names) throws ConnectorInputException {
        return new ConnectorEvaluator().evaluate(read(names), NOW);
    }

    static List<String> outcomes(ConnectorReport report) {
        return report.findings().stream()
                .map(f -> f.id() + "/" + f.variant() + " " + f.status())
                .toList();
    }
}
