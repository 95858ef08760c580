package io.tlsdoctor.core.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.FindingStatus;
import io.tlsdoctor.core.text.LocalizedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The connectors check's knowledge, from {@code connector-rules.json}: Exchange Online's names and every finding's words and fix. */
public final class ConnectorRules {

    /** One outcome of a finding: how it reads, what it says, and the fix (commands and/or advice). */
    public record Variant(FindingStatus status, LocalizedText detail, LocalizedText advice, List<String> commands) {}

    /** One finding: its area, title and outcomes. */
    public record Entry(ConnectorArea area, LocalizedText title, Map<String, Variant> variants) {}

    private static final ConnectorRules INSTANCE = load();

    private final JsonNode root;
    private final Map<String, Entry> findings;

    private ConnectorRules(JsonNode root, Map<String, Entry> findings) {
        this.root = root;
        this.findings = findings;
    }

    public static ConnectorRules get() {
        return INSTANCE;
    }

    public List<String> exoHosts() {
        return strings("exoHosts");
    }

    public List<String> tenantRoutingSuffixes() {
        return strings("tenantRoutingSuffixes");
    }

    public String cloudCapability() {
        return root.required("cloudCapability").asText();
    }

    public String legacyCapability() {
        return root.required("legacyCapability").asText();
    }

    public int expiryWarningDays() {
        return root.required("expiryWarningDays").asInt();
    }

    public List<String> publicRootCaTypes() {
        return strings("publicRootCaTypes");
    }

    public List<String> privateRootCaTypes() {
        return strings("privateRootCaTypes");
    }

    /** The commands that save what this check reads, in the Exchange Management Shell. */
    public List<String> onPremisesExports() {
        List<String> values = new ArrayList<>();
        root.required("exports").required("onPremises").forEach(node -> values.add(node.asText()));
        return values;
    }

    /** The same for Exchange Online PowerShell. */
    public List<String> exchangeOnlineExports() {
        List<String> values = new ArrayList<>();
        root.required("exports").required("exchangeOnline").forEach(node -> values.add(node.asText()));
        return values;
    }

    /** A host Exchange Online receives on: {@code mail.protection.outlook.com} or {@code <tenant>.mail.protection...}. */
    public boolean isExoHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        return exoHosts().stream().anyMatch(exo -> h.equals(exo) || h.endsWith("." + exo));
    }

    public Entry entry(String id) {
        Entry entry = findings.get(id);
        if (entry == null) {
            throw new IllegalStateException("connector-rules.json has no finding " + id);
        }
        return entry;
    }

    public Variant variant(String id, String variant) {
        Variant found = entry(id).variants().get(variant);
        if (found == null) {
            throw new IllegalStateException("connector-rules.json has no variant " + id + "/" + variant);
        }
        return found;
    }

    /** Every text in the file, named by where it sits, for the completeness test. */
    public Map<String, LocalizedText> allTexts() {
        Map<String, LocalizedText> all = new LinkedHashMap<>();
        findings.forEach((id, entry) -> {
            all.put(id + ".title", entry.title());
            entry.variants().forEach((name, variant) -> {
                all.put(id + "." + name + ".detail", variant.detail());
                if (variant.advice() != null) {
                    all.put(id + "." + name + ".advice", variant.advice());
                }
            });
        });
        return all;
    }

    private List<String> strings(String name) {
        List<String> values = new ArrayList<>();
        root.required(name).forEach(node -> values.add(node.asText()));
        return values;
    }

    private static ConnectorRules load() {
        JsonNode root;
        try (InputStream in = ConnectorRules.class.getResourceAsStream("connector-rules.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/tlsdoctor/core/connectors/connector-rules.json");
            }
            root = Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connector-rules.json", e);
        }
        Map<String, Entry> findings = new LinkedHashMap<>();
        root.required("findings").fields().forEachRemaining(entry -> {
            JsonNode node = entry.getValue();
            Map<String, Variant> variants = new LinkedHashMap<>();
            node.required("variants").fields().forEachRemaining(v -> {
                JsonNode value = v.getValue();
                List<String> commands = new ArrayList<>();
                if (value.has("commands")) {
                    value.get("commands").forEach(command -> commands.add(command.asText()));
                }
                variants.put(
                        v.getKey(),
                        new Variant(
                                FindingStatus.valueOf(value.required("status").asText()),
                                text(value.required("detail")),
                                value.has("advice") ? text(value.get("advice")) : null,
                                commands));
            });
            findings.put(
                    entry.getKey(),
                    new Entry(
                            ConnectorArea.valueOf(node.required("area").asText()),
                            text(node.required("title")),
                            variants));
        });
        return new ConnectorRules(root, findings);
    }

    private static LocalizedText text(JsonNode node) {
        try {
            return Json.mapper().treeToValue(node, LocalizedText.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("connector-rules.json: not a text " + node, e);
        }
    }
}
