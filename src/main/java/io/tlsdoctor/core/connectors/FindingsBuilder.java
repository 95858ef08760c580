package io.tlsdoctor.core.connectors;

import io.tlsdoctor.core.registry.FindingTexts;
import io.tlsdoctor.core.text.LocalizedText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns an outcome into a finding with the words and fix from the rules; drops exact repeats (one certificate, two connectors). */
final class FindingsBuilder {

    private final ConnectorRules rules;
    private final List<ConnectorFinding> findings = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    FindingsBuilder(ConnectorRules rules) {
        this.rules = rules;
    }

    /**
     * @param commandArgs values for the command template's {@code {name}} placeholders, unquoted (quoted here);
     *                    a template with a placeholder left unfilled is not offered
     */
    void add(
            String id,
            String variant,
            String subject,
            List<FieldEvidence> evidence,
            Map<String, String> commandArgs,
            Object... detailArgs) {
        if (!seen.add(id + "|" + variant + "|" + subject)) {
            return;
        }
        ConnectorRules.Entry entry = rules.entry(id);
        ConnectorRules.Variant v = rules.variant(id, variant);
        List<String> commands = new ArrayList<>();
        for (String template : v.commands()) {
            String command = template;
            for (Map.Entry<String, String> arg : commandArgs.entrySet()) {
                String value =
                        arg.getKey().equals("capabilities") || arg.getKey().equals("mechanisms")
                                ? arg.getValue()
                                : PowerShellText.quote(arg.getValue());
                command = command.replace("{" + arg.getKey() + "}", value);
            }
            if (!command.matches("(?s).*\\{[a-zA-Z]+}.*")) {
                commands.add(command);
            }
        }
        LocalizedText advice = v.advice() == null ? null : FindingTexts.format(v.advice(), detailArgs);
        findings.add(new ConnectorFinding(
                id,
                variant,
                v.status(),
                entry.area(),
                subject,
                entry.title(),
                FindingTexts.format(v.detail(), detailArgs),
                evidence,
                commands,
                advice));
    }

    List<ConnectorFinding> findings() {
        return findings;
    }
}
