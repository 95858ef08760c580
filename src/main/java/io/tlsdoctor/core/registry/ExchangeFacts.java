package io.tlsdoctor.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Exchange builds and Exchange Online's cipher suites, from {@code exchange-facts.json}. */
public final class ExchangeFacts {

    /** One Exchange product line ({@code 15.1} is 2016). {@code tls13MinimumBuild} is {@code null} when it never supports TLS 1.3. */
    public record Product(String name, int tls12MinimumBuild, String tls12MinimumName, Integer tls13MinimumBuild) {}

    private static final ExchangeFacts INSTANCE = load();

    private final Map<String, Product> products;
    private final int subscriptionEditionFirstBuild;
    private final List<WindowsServer> tls13Windows;
    private final List<String> exoCipherSuites;

    private ExchangeFacts(
            Map<String, Product> products,
            int subscriptionEditionFirstBuild,
            List<WindowsServer> tls13Windows,
            List<String> exoCipherSuites) {
        this.products = products;
        this.subscriptionEditionFirstBuild = subscriptionEditionFirstBuild;
        this.tls13Windows = tls13Windows;
        this.exoCipherSuites = exoCipherSuites;
    }

    public static ExchangeFacts get() {
        return INSTANCE;
    }

    public Product product(int major, int minor) {
        return products.get(major + "." + minor);
    }

    public boolean isSubscriptionEdition(int major, int minor, int build) {
        return major == 15 && minor == 2 && build >= subscriptionEditionFirstBuild;
    }

    /** Windows versions on which Exchange supports TLS 1.3 (with a build at or above {@code tls13MinimumBuild}). */
    public List<WindowsServer> tls13Windows() {
        return tls13Windows;
    }

    public List<String> exoCipherSuites() {
        return exoCipherSuites;
    }

    private static ExchangeFacts load() {
        JsonNode root = Resources.read("exchange-facts.json");
        Map<String, Product> products = new HashMap<>();
        root.required("products").fields().forEachRemaining(entry -> {
            JsonNode node = entry.getValue();
            JsonNode tls13 = node.required("tls13MinimumBuild");
            products.put(
                    entry.getKey(),
                    new Product(
                            node.required("name").asText(),
                            node.required("tls12MinimumBuild").asInt(),
                            node.required("tls12MinimumName").asText(),
                            tls13.isNull() ? null : tls13.asInt()));
        });
        List<WindowsServer> tls13Windows = new ArrayList<>();
        root.required("tls13Windows").forEach(node -> tls13Windows.add(WindowsServer.byId(node.asText())));
        List<String> suites = new ArrayList<>();
        root.required("exoCipherSuites").forEach(node -> suites.add(node.asText()));
        return new ExchangeFacts(
                Map.copyOf(products),
                root.required("subscriptionEditionFirstBuild").asInt(),
                List.copyOf(tls13Windows),
                List.copyOf(suites));
    }
}
