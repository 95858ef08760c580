package io.tlsdoctor.core.connectors;

import io.tlsdoctor.core.registry.FindingStatus;
import io.tlsdoctor.core.text.LocalizedText;
import java.util.List;

/**
 * One conclusion of the connectors check. {@code id} and {@code variant} are stable (tests and JSON key on them).
 *
 * @param subject  the connector or certificate it is about, as the admin names it
 * @param commands the exact PowerShell lines that would fix it, names quoted, to review and copy: never run by TLS Doctor
 * @param advice   what to do in words (for instance "run the Hybrid Configuration Wizard again"); null when all is well
 */
public record ConnectorFinding(
        String id,
        String variant,
        FindingStatus status,
        ConnectorArea area,
        String subject,
        LocalizedText title,
        LocalizedText detail,
        List<FieldEvidence> evidence,
        List<String> commands,
        LocalizedText advice) {

    public ConnectorFinding {
        evidence = List.copyOf(evidence);
        commands = List.copyOf(commands);
    }
}
