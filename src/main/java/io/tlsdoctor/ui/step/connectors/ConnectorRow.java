package io.tlsdoctor.ui.step.connectors;

import java.util.List;

/**
 * One finding of the connectors check as the step shows it, in the user's language.
 *
 * @param status   pass, warn, fail or info (the badge's style)
 * @param evidence the exact fields it rests on: {@code Get-SendConnector 'X' -> TlsCertificateName: <I>…<S>…}
 * @param commands the PowerShell lines to review and copy; TLS Doctor never runs them
 */
public record ConnectorRow(
        String id,
        String status,
        String statusText,
        String title,
        String subject,
        String detail,
        List<String> evidence,
        String advice,
        List<String> commands) {

    public ConnectorRow {
        evidence = List.copyOf(evidence);
        commands = List.copyOf(commands);
    }
}
