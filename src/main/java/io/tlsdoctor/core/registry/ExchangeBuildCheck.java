package io.tlsdoctor.core.registry;

import java.util.ArrayList;
import java.util.List;

/** The Exchange build is one that supports TLS 1.2. */
final class ExchangeBuildCheck extends AreaCheck {

    ExchangeBuildCheck(RegistryEvaluation evaluation) {
        super(evaluation);
    }

    @Override
    void run() {
        exchangeBuild();
    }

    private void exchangeBuild() {
        String id = "exchange.build";
        String path = RegistryPaths.EXCHANGE_SETUP;
        List<Evidence> evidence = new ArrayList<>();
        for (String name : List.of("MsiProductMajor", "MsiProductMinor", "MsiBuildMajor", "MsiBuildMinor")) {
            evidence.add(new Evidence(path, name, snapshot.value(path, name)));
        }
        if (exchange != null) {
            ExchangeFacts.Product product = ExchangeFacts.get().product(exchange.major(), exchange.minor());
            if (product == null) {
                add(id, "unknownProduct", FindingStatus.INFO, evidence, false, exchange.display());
            } else if (exchange.build() < product.tls12MinimumBuild()) {
                add(
                        id,
                        "tooOld",
                        FindingStatus.FAIL,
                        evidence,
                        false,
                        exchange.display(),
                        product.name() + " " + product.tls12MinimumName());
            } else {
                add(id, "ok", FindingStatus.PASS, evidence, false, exchange.display());
            }
        } else if (snapshot.hasKey(RegistryPaths.EXCHANGE_2010_SETUP)) {
            add(id, "exchange2010", FindingStatus.WARN, List.of(), false);
        } else if (snapshot.covers(path)) {
            add(id, "notFound", FindingStatus.INFO, evidence, false);
        } else {
            add(id, "notExported", FindingStatus.INFO, evidence, false);
        }
    }
}
